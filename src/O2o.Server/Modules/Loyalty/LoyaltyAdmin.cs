using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>The platform's view of members: one member, points adjustments with a reason, and the reconciliation of the points books.</summary>
internal static class LoyaltyAdmin
{
    public const long MaxAdjustment = 1_000_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/loyalty").RequireAuthorization(Policies.Admin).WithTags("Loyalty");
        admin.MapGet("/members/{customerId}", Get).WithSummary("A member's points, tier and spend");
        admin.MapPost("/members/{customerId}/adjustments", Adjust).WithSummary("Add or take points with a reason (goodwill, correction); never below zero");
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

    private static MemberResponse View(Member m) => new(m.CustomerId, m.Balance, m.Tier, m.RollingSpendFen, m.TierSince, m.SignInStreak);
}
