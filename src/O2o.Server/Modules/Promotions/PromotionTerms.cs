using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.Promotions.Pricing;
using O2o.Server.Modules.Stores;

namespace O2o.Server.Modules.Promotions;

/// <summary>Copies a valid request onto a promotion once its products and stores are found to be the merchant's.</summary>
internal static class PromotionTerms
{
    public static async Task<Error?> ApplyAsync(Promotion p, PromotionRequest r, Actor actor, ICatalog catalog, IStores stores, CancellationToken ct)
    {
        var productIds = (r.ProductIds ?? []).Select(Parse).Distinct().ToList();
        var giftId = r.GiftProductId is null ? (Guid?)null : Parse(r.GiftProductId);
        var wanted = giftId is { } g ? [.. productIds, g] : productIds;
        var products = await catalog.GetAsync(wanted, ct);
        if (wanted.Any(id => !products.TryGetValue(id, out var product) || !product.IsActive || product.MerchantId != p.MerchantId))
            return CouponErrors.PromotionNotFound with { Code = "product_not_found", Detail = "A product of the promotion was not found." };
        var storeIds = new List<Guid>();
        foreach (var raw in (r.StoreIds ?? []).Distinct())
        {
            var store = Guid.TryParse(raw, out var sid) ? await stores.FindAsync(sid, ct) : null;
            if (store is null || !actor.CanOperate(store) || store.MerchantId != p.MerchantId)
                return CouponErrors.PromotionNotFound with { Code = "store_not_found", Detail = "A store of the promotion was not found." };
            storeIds.Add(store.Id);
        }
        if (r.Kind == "bundle" && r.PriceFen >= productIds.Sum(id => products[id].PriceFen))
            return CouponErrors.Contradiction("The bundle price must be below the products' regular prices together.", "组合价必须低于组合内商品原价之和。");
        if (r.Kind == "member_price" && productIds.Any(id => r.PriceFen >= products[id].PriceFen))
            return CouponErrors.Contradiction("A member price must be below the product's regular price.", "会员价必须低于商品原价。");

        var kind = PromotionKinds.ByName[r.Kind!];
        p.Kind = r.Kind!;
        p.NameZh = r.Name!.Trim();
        p.NameEn = string.IsNullOrWhiteSpace(r.NameEn) ? null : r.NameEn.Trim();
        p.Channels = (int)(r.Channels ?? ["online", "counter"]).Aggregate(SalesChannels.None, (all, c) => all | PromotionKinds.Channels[c]);
        p.StoreIds = storeIds;
        p.ProductIds = productIds;
        p.Categories = [.. (r.Categories ?? []).Select(c => c.Trim()).Distinct()];
        p.SegmentIds = [.. (r.SegmentIds ?? []).Select(Guid.Parse).Distinct()];
        p.MinMemberTier = r.MinMemberTier ?? (kind == RuleKind.MemberPrice ? 1 : 0);
        p.StartsAt = r.StartsAt!.Value.ToUniversalTime();
        p.EndsAt = r.EndsAt!.Value.ToUniversalTime();
        p.Tiers = Promotion.TiersJson((r.Tiers ?? []).Select(t => (t!.ThresholdFen!.Value, t.AmountFen!.Value)));
        (p.MinSpendFen, p.AmountFen, p.Percent, p.CapFen) = (r.MinSpendFen ?? 0, r.AmountFen ?? 0, r.Percent ?? 0, r.CapFen ?? 0);
        (p.NthUnit, p.PriceFen, p.GiftProductId, p.GiftQuantity) = (r.NthUnit ?? 0, r.PriceFen ?? 0, giftId, r.GiftQuantity ?? 0);
        p.Exclusive = r.Exclusive ?? false;
        p.StackingGroup = string.IsNullOrWhiteSpace(r.StackingGroup) ? PricingRule.DefaultGroup(kind, p.IsCoupon) : r.StackingGroup.Trim();
        (p.BudgetFen, p.BudgetUses, p.PerCustomerLimit) = (r.BudgetFen, r.BudgetUses, r.PerCustomerLimit);
        p.Code = string.IsNullOrWhiteSpace(r.Code) ? null : r.Code.Trim().ToUpperInvariant();
        (p.Claimable, p.ValidDays) = (r.Claimable ?? false, r.ValidDays);
        return null;
    }

    /// <summary>The promotion's segments must exist (Engagement defines them); null when they all do.</summary>
    public static async Task<Error?> MissingSegmentAsync(Promotion p, IEngagement engagement, CancellationToken ct) =>
        p.SegmentIds.Count == 0 || (await engagement.ExistingSegmentsAsync(p.SegmentIds, ct)).Count == p.SegmentIds.Count ? null
            : CouponErrors.PromotionNotFound with { Code = "segment_not_found", Detail = "A segment of the promotion was not found." };

    /// <summary>An id that cannot exist is reported as a product not found.</summary>
    private static Guid Parse(string? raw) => Guid.TryParse(raw, out var id) ? id : Guid.Empty;
}
