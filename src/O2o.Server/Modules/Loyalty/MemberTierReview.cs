using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// A member's tier follows their spend over the rolling window: up as soon as a completed order reaches the next threshold, down when
/// spend leaves the window or is refunded. Runs under the member's lock (<see cref="PointsBook.LockAsync"/>).
/// </summary>
internal sealed class MemberTierReview(O2oDb db, EventBus events, IOptions<LoyaltyOptions> options)
{
    /// <summary>The member's tier after the review; a change is announced with <see cref="MemberTierChanged"/> in the same transaction.</summary>
    public async Task<int> ReviewAsync(string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - options.Value.RollingWindow;
        var spend = Math.Max(0, await db.Set<SpendRecord>().Where(s => s.CustomerId == customerId && s.At > since).SumAsync(s => (long?)s.AmountFen, ct) ?? 0);
        var member = await db.Set<Member>().AsNoTracking().FirstAsync(m => m.CustomerId == customerId, ct);
        var tier = options.Value.TierFor(spend).Tier;
        if (tier == member.Tier)
        {
            if (spend != member.RollingSpendFen)
                await db.Set<Member>().Where(m => m.CustomerId == customerId).ExecuteUpdateAsync(u => u.SetProperty(m => m.RollingSpendFen, spend), ct);
            return tier;
        }
        await db.Set<Member>().Where(m => m.CustomerId == customerId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.RollingSpendFen, spend).SetProperty(m => m.Tier, tier).SetProperty(m => m.TierSince, now), ct);
        events.Publish(new MemberTierChanged(customerId, member.Tier, tier, spend, now));
        return tier;
    }
}
