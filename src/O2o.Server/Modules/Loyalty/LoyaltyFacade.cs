using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

internal sealed class LoyaltyFacade(O2oDb db, PointsBook book, IOptions<LoyaltyOptions> options, TimeProvider clock) : ILoyalty
{
    public async Task<int> TierOfAsync(string customerId, CancellationToken ct) =>
        await db.Set<Member>().AsNoTracking().Where(m => m.CustomerId == customerId).Select(m => (int?)m.Tier).FirstOrDefaultAsync(ct) ?? MemberTiers.Member;

    public async Task<Result<PointsUse>> QuoteAsync(string customerId, int points, long payableFen, CancellationToken ct)
    {
        var o = options.Value;
        if (points < o.MinRedeemPoints) return LoyaltyErrors.BelowMinimum(o.MinRedeemPoints);
        var max = payableFen * o.MaxRedeemPercent / 100 / o.FenPerPoint;
        if (points > max) return LoyaltyErrors.OverRedeemLimit(max, o.MaxRedeemPercent);
        var spendable = await SpendableAsync(customerId, ct);
        if (points > spendable) return LoyaltyErrors.NotEnoughPoints(spendable);
        return new PointsUse(points, (long)points * o.FenPerPoint);
    }

    public Task<Error?> SpendAsync(Guid orderId, string customerId, int points, CancellationToken ct) =>
        book.SpendAsync(customerId, PointsKinds.Redeem, points, $"redeem:{orderId:N}", orderId, null, clock.GetUtcNow(), ct);

    /// <summary>The balance less lots that lapsed and were not yet written off: what may be spent now.</summary>
    public async Task<long> SpendableAsync(string customerId, CancellationToken ct) =>
        (await db.Set<Member>().AsNoTracking().Where(m => m.CustomerId == customerId).Select(m => (long?)m.Balance).FirstOrDefaultAsync(ct) ?? 0)
        - await LapsedAsync(customerId, ct);

    /// <summary>Points of lots past their date that the maintenance job has not written off yet.</summary>
    public async Task<long> LapsedAsync(string customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Set<PointsLot>().AsNoTracking().Where(l => l.CustomerId == customerId && l.ExpiresAt <= now && l.Remaining > 0)
            .SumAsync(l => (long?)l.Remaining, ct) ?? 0;
    }
}
