using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>Admins create, change, end and list promotions and coupon definitions of their merchant.</summary>
internal static class PromotionAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin).WithTags("Promotions and coupons");
        admin.MapPost("/promotions", (PromotionRequest r, ClaimsPrincipal p, O2oDb db, ICatalog c, IStores s, IEngagement e, PromotionCatalog cache, TimeProvider t, CancellationToken ct) =>
            Create(r, coupon: false, p, db, c, s, e, cache, t, ct)).WithSummary("Start an automatic promotion (满减, 折扣, 第N件, 组合, 会员价, 包邮, 满赠)");
        admin.MapPost("/coupons", (PromotionRequest r, ClaimsPrincipal p, O2oDb db, ICatalog c, IStores s, IEngagement e, PromotionCatalog cache, TimeProvider t, CancellationToken ct) =>
            Create(r, coupon: true, p, db, c, s, e, cache, t, ct)).WithSummary("Define a coupon: issued by admins, claimed by customers, or redeemed with a code");
        admin.MapPut("/promotions/{promotionId}", Update).WithSummary("Replace the terms of a running or upcoming promotion or coupon definition");
        admin.MapPost("/promotions/{promotionId}/end", End).WithSummary("End a promotion or coupon definition now");
        admin.MapGet("/promotions", List).WithSummary("The merchant's promotions and coupon definitions, newest first");
        admin.MapGet("/promotions/{promotionId}", Get).WithSummary("One promotion or coupon definition with what it has given so far");
    }

    private static async Task<Results<Created<PromotionResponse>, ProblemHttpResult>> Create(PromotionRequest request, bool coupon, ClaimsPrincipal principal,
        O2oDb db, ICatalog catalog, IStores stores, IEngagement engagement, PromotionCatalog cache, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (PromotionValidation.Check(request, coupon, now) is { } invalid) return invalid.ToProblem();
        var actor = Actor.From(principal);
        var merchantId = actor.IsPlatformAdmin ? Merchants.PlatformDirectId : actor.MerchantId ?? Guid.Empty;
        if (actor.IsPlatformAdmin && request.MerchantId is not null
            && (!Guid.TryParse(request.MerchantId, out merchantId) || !await stores.MerchantExistsAsync(merchantId, ct)))
            return Error.NotFound("merchant_not_found", "The merchant").ToProblem();
        var promotion = new Promotion { IsCoupon = coupon, Kind = request.Kind!, NameZh = "", StackingGroup = "", CreatedAt = now, MerchantId = merchantId };
        if (await PromotionTerms.ApplyAsync(promotion, request, actor, catalog, stores, ct) is { } refused) return refused.ToProblem();
        if (await PromotionTerms.MissingSegmentAsync(promotion, engagement, ct) is { } missing) return missing.ToProblem();
        if (promotion.Code is not null && await db.Set<Promotion>().AnyAsync(p => p.Code == promotion.Code, ct)) return CouponErrors.CodeExists.ToProblem();
        db.Add(promotion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (promotion.Code is not null)
        {
            return CouponErrors.CodeExists.ToProblem();
        }
        cache.Forget(merchantId);
        return TypedResults.Created($"/api/admin/promotions/{promotion.Id}", ToResponse(promotion, now));
    }

    private static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Update(string promotionId, PromotionRequest request, ClaimsPrincipal principal,
        O2oDb db, ICatalog catalog, IStores stores, IEngagement engagement, PromotionCatalog cache, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var promotion = await FindAsync(db, promotionId, actor, tracked: true, ct);
        if (promotion is null) return CouponErrors.PromotionNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (PromotionValidation.Check(request, promotion.IsCoupon, now) is { } invalid) return invalid.ToProblem();
        if (promotion.EndsAt <= now) return CouponErrors.PromotionEnded.ToProblem();
        if (request.BudgetFen < promotion.SpentFen || request.BudgetUses < promotion.Uses)
            return CouponErrors.Contradiction($"The promotion has already given {promotion.SpentFen} fen in {promotion.Uses} uses; its budget cannot be below that.",
                $"该活动已优惠 {promotion.SpentFen} 分、使用 {promotion.Uses} 次，预算不能低于此数。").ToProblem();
        if (await PromotionTerms.ApplyAsync(promotion, request, actor, catalog, stores, ct) is { } refused) return refused.ToProblem();
        if (await PromotionTerms.MissingSegmentAsync(promotion, engagement, ct) is { } missing) return missing.ToProblem();
        if (promotion.Code is not null && await db.Set<Promotion>().AnyAsync(p => p.Code == promotion.Code && p.Id != promotion.Id, ct))
            return CouponErrors.CodeExists.ToProblem();
        await db.SaveChangesAsync(ct);
        cache.Forget(promotion.MerchantId);
        return TypedResults.Ok(ToResponse(promotion, now));
    }

    private static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> End(string promotionId, ClaimsPrincipal principal, O2oDb db,
        PromotionCatalog cache, TimeProvider clock, CancellationToken ct)
    {
        var promotion = await FindAsync(db, promotionId, Actor.From(principal), tracked: true, ct);
        if (promotion is null) return CouponErrors.PromotionNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (promotion.EndsAt > now)
        {
            promotion.EndsAt = now;
            if (promotion.StartsAt > now) promotion.StartsAt = now;
            await db.SaveChangesAsync(ct);
            cache.Forget(promotion.MerchantId);
        }
        return TypedResults.Ok(ToResponse(promotion, now));
    }

    private static async Task<Ok<PromotionResponse[]>> List(ClaimsPrincipal principal, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var query = db.Set<Promotion>().AsNoTracking();
        if (!actor.IsPlatformAdmin) query = query.Where(p => p.MerchantId == actor.MerchantId);
        var now = clock.GetUtcNow();
        var list = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(p => ToResponse(p, now)).ToArray());
    }

    private static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Get(string promotionId, ClaimsPrincipal principal, O2oDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var promotion = await FindAsync(db, promotionId, Actor.From(principal), tracked: false, ct);
        return promotion is null ? CouponErrors.PromotionNotFound.ToProblem() : TypedResults.Ok(ToResponse(promotion, clock.GetUtcNow()));
    }

    /// <summary>A promotion of another merchant does not exist for this admin.</summary>
    internal static async Task<Promotion?> FindAsync(O2oDb db, string promotionId, Actor actor, bool tracked, CancellationToken ct)
    {
        if (!Guid.TryParse(promotionId, out var id)) return null;
        var set = tracked ? db.Set<Promotion>() : db.Set<Promotion>().AsNoTracking();
        var promotion = await set.FirstOrDefaultAsync(p => p.Id == id, ct);
        return promotion is not null && (actor.IsPlatformAdmin || promotion.MerchantId == actor.MerchantId) ? promotion : null;
    }

    internal static PromotionResponse ToResponse(Promotion p, DateTimeOffset now) => new(
        p.Id.ToString(), p.Kind, p.IsCoupon, p.NameZh, p.NameEn, PromotionKinds.ChannelNames(p.Channels), [.. p.StoreIds.Select(i => i.ToString())],
        [.. p.ProductIds.Select(i => i.ToString())], [.. p.Categories], [.. p.SegmentIds.Select(i => i.ToString())], p.MinMemberTier, p.StartsAt, p.EndsAt,
        [.. p.TierList().Select(t => new TierDto(t.Threshold, t.Amount))], p.MinSpendFen, p.AmountFen, p.Percent, p.CapFen, p.NthUnit, p.PriceFen,
        p.GiftProductId?.ToString(), p.GiftQuantity, p.Exclusive, p.StackingGroup, p.BudgetFen, p.BudgetUses, p.SpentFen, p.Uses, p.PerCustomerLimit,
        p.Code, p.Claimable, p.ValidDays, p.StatusAt(now));
}
