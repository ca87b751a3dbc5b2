using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.Promotions.Pricing;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>Prices carts with the engine (promotions from <see cref="PromotionCatalog"/>, coupons from the wallet) and reserves what a price used.</summary>
internal sealed class PromotionsFacade(O2oDb db, PromotionCatalog catalog, ILoyalty loyalty, IEngagement engagement, TimeProvider clock) : IPromotions
{
    public async Task<Result<Quote>> PriceAsync(PriceRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var promotions = await UsableAutomaticAsync(request, ct);
        var coupons = await CouponRulesAsync(request, now, ct);
        if (!coupons.IsSuccess) return coupons.Error!;

        var channel = request.Channel == SalesChannel.Counter ? SalesChannels.Counter : SalesChannels.Online;
        var customer = request.CustomerId is null ? PricingCustomer.Anonymous
            : new PricingCustomer(request.CustomerId, await engagement.SegmentIdsOfAsync(request.CustomerId, ct), await loyalty.TierOfAsync(request.CustomerId, ct));
        var lines = request.Lines.Select(l => new PricingLine(l.ProductId, l.Category, l.UnitPriceFen, l.Quantity, l.FlashPriced)).ToList();
        var result = PriceEngine.Price(new PricingInput(lines, channel, request.StoreId, customer, now, request.DeliveryFeeFen, promotions, coupons.Value));

        var chosen = result.ChosenCouponIds.ToList();
        if (request.CouponIds is not null && request.CouponIds.Any(c => !chosen.Contains(c))) return CouponErrors.NotApplicable;
        return new Quote(
            [.. result.Lines.Select(l => new QuotedLine(l.ProductId, l.SubtotalFen, l.DiscountFen, l.TotalFen, [.. l.Adjustments.Select(ToPublic)]))],
            result.SubtotalFen, result.DeliveryFeeFen, [.. result.DeliveryDiscounts.Select(ToPublic)],
            [.. result.Gifts.Select(g => new QuotedGift(g.PromotionId, g.CouponId, g.NameZh, g.NameEn, g.ProductId, g.Quantity))],
            [.. result.Applied.Select(ToPublic)], chosen);
    }

    public Task<Error?> ReserveAsync(Guid orderId, string? customerId, Quote quote, CancellationToken ct) =>
        PromotionReservations.ReserveAsync(db, orderId, customerId, quote, clock.GetUtcNow(), ct);

    public Task<Error?> CheckIssuableAsync(Guid promotionId, Guid? merchantId, CancellationToken ct) =>
        CampaignCoupons.CheckIssuableAsync(db, promotionId, merchantId, clock.GetUtcNow(), ct);

    public Task<Result<IReadOnlyList<Guid>>> IssueCouponsAsync(Guid promotionId, IReadOnlyCollection<string> customerIds, CancellationToken ct) =>
        CampaignCoupons.IssueAsync(db, promotionId, customerIds, clock.GetUtcNow(), ct);

    public Task<long> CouponDiscountFenAsync(Guid promotionId, IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken ct) =>
        CampaignCoupons.DiscountFenAsync(db, promotionId, customerIds, since, ct);

    /// <summary>Running promotions, less those whose uses are spent or that this customer has had as often as allowed.</summary>
    private async Task<List<PricingRule>> UsableAutomaticAsync(PriceRequest request, CancellationToken ct)
    {
        var active = await catalog.ActiveAsync(request.MerchantId, ct);
        var limited = active.Where(a => a.Definition.PerCustomerLimit is not null).Select(a => a.Definition.Id).ToList();
        var usedUp = new HashSet<Guid>();
        if (request.CustomerId is { } customer && limited.Count > 0)
            usedUp = [.. await db.Set<PromotionCustomerUse>().AsNoTracking()
                .Where(u => u.CustomerId == customer && limited.Contains(u.PromotionId))
                .Join(db.Set<Promotion>(), u => u.PromotionId, p => p.Id, (u, p) => new { u.PromotionId, u.Uses, p.PerCustomerLimit })
                .Where(x => x.Uses >= x.PerCustomerLimit).Select(x => x.PromotionId).ToListAsync(ct)];
        return [.. active.Where(a => !(a.Definition.BudgetUses is { } uses && a.Definition.Uses >= uses) && !usedUp.Contains(a.Definition.Id)).Select(a => a.Rule)];
    }

    private async Task<Result<List<PricingRule>>> CouponRulesAsync(PriceRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var explicitIds = request.CouponIds;
        if (request.CustomerId is not { } customer) return explicitIds is { Count: > 0 } ? CouponErrors.CouponNotFound : new List<PricingRule>();
        if (explicitIds is { Count: 0 }) return new List<PricingRule>();

        var query = db.Set<Coupon>().AsNoTracking().Where(c => c.CustomerId == customer);
        query = explicitIds is null
            ? query.Where(c => c.Status == CouponStatus.Available && c.ValidUntil > now && c.ValidFrom <= now)
            : query.Where(c => explicitIds.Contains(c.Id));
        var coupons = await query.OrderBy(c => c.Id).Take(200).ToListAsync(ct);
        if (explicitIds is not null && coupons.Count != explicitIds.Distinct().Count()) return CouponErrors.CouponNotFound;
        var definitionIds = coupons.Select(c => c.PromotionId).Distinct().ToList();
        var definitions = await db.Set<Promotion>().AsNoTracking().Where(p => definitionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        var rules = new List<PricingRule>();
        foreach (var coupon in coupons)
        {
            var definition = definitions[coupon.PromotionId];
            var problem = coupon.Status != CouponStatus.Available ? CouponErrors.CouponUsed
                : coupon.ValidUntil <= now || coupon.ValidFrom > now || definition.EndsAt <= now || definition.StartsAt > now ? CouponErrors.CouponExpired
                : definition.MerchantId != request.MerchantId ? CouponErrors.NotApplicable
                : definition.StatusAt(now) == "exhausted" ? CouponErrors.BudgetExhausted
                : null;
            if (problem is null) rules.Add(PromotionKinds.ToRule(definition, coupon));
            else if (explicitIds is not null) return problem;
        }
        return rules;
    }

    private static PriceAdjustment ToPublic(Adjustment a) => new(a.PromotionId, a.CouponId, a.NameZh, a.NameEn, PromotionKinds.NameOf(a.Kind), a.AmountFen);
}
