using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Promotions;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>The platform's view of members: one member, points adjustments with a reason, and the reconciliation of the points books.</summary>
internal static class LoyaltyAdmin
{
    public const long MaxAdjustment = 1_000_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        // Points are the platform's promise, paid for by the platform (the ledger's points_redeemed): platform admins only.
        var admin = api.MapGroup("/admin/loyalty").RequireAuthorization(Policies.PlatformAdmin).WithTags("Loyalty");
        admin.MapGet("/summary", Summary).WithSummary("Members per tier, points outstanding and what they are worth, points earned, spent and expired in 30 days");
        admin.MapGet("/members/{customerId}", Get).WithSummary("A member's points, tier and spend");
        admin.MapPost("/members/{customerId}/adjustments", Adjust).WithSummary("Add or take points with a reason (goodwill, correction); never below zero");
        admin.MapGet("/tiers", Tiers).WithSummary("The tier table with the welcome coupons of each tier");
        admin.MapPut("/tiers/{tier:int}/coupons", SetCoupons).WithSummary("Set the coupons (promotion ids) a customer receives on reaching the tier, each once");
        admin.MapGet("/reconciliation", Reconcile).WithSummary("Check every balance against the points ledger and the lots");
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Get(string customerId, O2oDb db, CancellationToken ct)
    {
        var m = await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId, ct);
        return m is null ? LoyaltyErrors.MemberNotFound.ToProblem() : TypedResults.Ok(View(m));
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Adjust(string customerId, PointsAdjustmentRequest request, O2oDb db, PointsBook book,
        IAccounts accounts, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("points", request.Points, -MaxAdjustment, MaxAdjustment).Text("reason", request.Reason, 200);
        if (request.Points == 0) v.Add("points", "An adjustment moves at least one point.");
        if (v.Error is not null) return v.Error.ToProblem();
        if ((await accounts.ExistingCustomersAsync([customerId], ct)).Count == 0) return LoyaltyErrors.MemberNotFound.ToProblem();
        var now = clock.GetUtcNow();
        var points = request.Points!.Value;
        var reason = request.Reason!.Trim();
        var key = $"adjustment:{Guid.CreateVersion7():N}";
        var result = await db.InTransactionAsync(async () =>
        {
            if (points > 0) await book.EarnAsync(customerId, PointsKinds.Adjustment, points, key, null, reason, now, now, ct);
            else if (await book.SpendAsync(customerId, PointsKinds.Adjustment, -points, key, null, reason, now, ct) is { } refused) return refused;
            return (Result<Member>)await db.Set<Member>().AsNoTracking().FirstAsync(m => m.CustomerId == customerId, ct);
        }, r => r.IsSuccess, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    private static async Task<Ok<PointsReconciliationResponse>> Reconcile(O2oDb db, CancellationToken ct)
    {
        var balances = await db.Set<Member>().AsNoTracking().ToDictionaryAsync(m => m.CustomerId, m => m.Balance, ct);
        var ledger = await db.Set<PointsEntry>().AsNoTracking().GroupBy(e => e.CustomerId).Select(g => new { g.Key, Sum = g.Sum(e => e.Points) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var lots = await db.Set<PointsLot>().AsNoTracking().GroupBy(l => l.CustomerId).Select(g => new { g.Key, Sum = g.Sum(l => l.Remaining) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var customers = balances.Keys.Union(ledger.Keys).Union(lots.Keys).ToList();
        var mismatched = customers.Where(c => balances.GetValueOrDefault(c) != ledger.GetValueOrDefault(c) || ledger.GetValueOrDefault(c) != lots.GetValueOrDefault(c))
            .Order(StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new PointsReconciliationResponse(balances.Count, balances.Values.Sum(), ledger.Values.Sum(), lots.Values.Sum(), mismatched,
            mismatched.Length == 0));
    }

    private static async Task<Ok<LoyaltySummaryResponse>> Summary(HttpContext http, O2oDb db, IOptions<LoyaltyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (since, soon) = (now.AddDays(-30), now.AddDays(30));
        var perTier = await db.Set<Member>().AsNoTracking().GroupBy(m => m.Tier).Select(g => new { Tier = g.Key, Members = g.Count() }).ToDictionaryAsync(x => x.Tier, x => x.Members, ct);
        var outstanding = await db.Set<Member>().AsNoTracking().SumAsync(m => (long?)m.Balance, ct) ?? 0;
        var expiring = await db.Set<PointsLot>().AsNoTracking().Where(l => l.Remaining > 0 && l.ExpiresAt <= soon).SumAsync(l => (long?)l.Remaining, ct) ?? 0;
        var recent = await db.Set<PointsEntry>().AsNoTracking().Where(e => e.At >= since).GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Points = g.Sum(e => e.Points) }).ToDictionaryAsync(x => x.Kind, x => x.Points, ct);
        var english = http.PrefersEnglish();
        long Of(params string[] kinds) => kinds.Sum(k => recent.GetValueOrDefault(k));
        return TypedResults.Ok(new LoyaltySummaryResponse(
            [.. o.Tiers.OrderBy(t => t.Tier).Select(t => new TierMembersResponse(t.Tier, english ? t.NameEn : t.NameZh, perTier.GetValueOrDefault(t.Tier)))],
            outstanding, outstanding * o.FenPerPoint, expiring,
            Of(PointsKinds.Order, PointsKinds.SignIn, PointsKinds.Review, PointsKinds.Adjustment) - Math.Min(0, recent.GetValueOrDefault(PointsKinds.Adjustment)),
            -Of(PointsKinds.Redeem) - Of(PointsKinds.GiveBack), -Of(PointsKinds.Expiry)));
    }

    private static async Task<Ok<AdminTierResponse[]>> Tiers(HttpContext http, O2oDb db, IOptions<LoyaltyOptions> options, CancellationToken ct)
    {
        var coupons = await db.Set<TierCoupon>().AsNoTracking().ToListAsync(ct);
        var english = http.PrefersEnglish();
        return TypedResults.Ok(options.Value.Tiers.OrderBy(t => t.Tier).Select(t => new AdminTierResponse(MyMembership.View(t, english),
            [.. coupons.Where(c => c.Tier == t.Tier).Select(c => c.PromotionId.ToString()).Order(StringComparer.Ordinal)])).ToArray());
    }

    private static async Task<Results<Ok<AdminTierResponse>, ProblemHttpResult>> SetCoupons(int tier, TierCouponsRequest request, HttpContext http, O2oDb db,
        IPromotions promotions, IOptions<LoyaltyOptions> options, CancellationToken ct)
    {
        var definition = options.Value.Tiers.FirstOrDefault(t => t.Tier == tier && t.Tier > MemberTiers.Member);
        if (definition is null) return LoyaltyErrors.TierNotFound.ToProblem();
        var v = new Validation();
        if (request.PromotionIds is null) v.Add("promotionIds", "Required (an empty list gives no coupons).");
        else if (request.PromotionIds.Length > 10) v.Add("promotionIds", "At most 10 coupons per tier.");
        if (v.Error is not null) return v.Error.ToProblem();
        var ids = new List<Guid>();
        foreach (var raw in request.PromotionIds!.Distinct())
        {
            if (!Guid.TryParse(raw, out var id)) return LoyaltyErrors.CouponPromotionNotFound.ToProblem();
            if (await promotions.CheckIssuableAsync(id, null, ct) is { } refused) return refused.ToProblem();
            ids.Add(id);
        }
        await db.InTransactionAsync(async () =>
        {
            await db.Set<TierCoupon>().Where(c => c.Tier == tier).ExecuteDeleteAsync(ct);
            db.AddRange(ids.Select(id => new TierCoupon { Tier = tier, PromotionId = id }));
            return await db.SaveChangesAsync(ct);
        }, _ => true, ct);
        return TypedResults.Ok(new AdminTierResponse(MyMembership.View(definition, http.PrefersEnglish()), [.. ids.Select(i => i.ToString()).Order(StringComparer.Ordinal)]));
    }

    private static MemberResponse View(Member m) => new(m.CustomerId, m.Balance, m.Tier, m.RollingSpendFen, m.TierSince, m.SignInStreak);
}
