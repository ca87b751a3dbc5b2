using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Promotions;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// A member's tier follows their spend over the rolling window: up as soon as a completed order reaches the next threshold, down when
/// spend leaves the window or is refunded. Runs under the member's lock (<see cref="PointsBook.LockAsync"/>).
/// </summary>
internal sealed class MemberTierReview(O2oDb db, EventBus events, IPromotions promotions, IOptions<LoyaltyOptions> options, ILogger<MemberTierReview> logger)
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
        var reached = options.Value.Tier(tier);
        events.Publish(new MemberTierChanged(customerId, member.Tier, tier, spend, now, reached.NameZh, reached.NameEn));
        if (tier > member.Tier) await GiveWelcomeCouponsAsync(customerId, member.Tier, tier, now, ct);
        return tier;
    }

    /// <summary>The welcome coupons of every tier passed on the way up, each once per customer; one that cannot be issued is logged and skipped.</summary>
    private async Task GiveWelcomeCouponsAsync(string customerId, int from, int to, DateTimeOffset now, CancellationToken ct)
    {
        var offers = await db.Set<TierCoupon>().AsNoTracking().Where(c => c.Tier > from && c.Tier <= to).OrderBy(c => c.Tier).ThenBy(c => c.PromotionId).ToListAsync(ct);
        foreach (var offer in offers)
        {
            if (await db.Set<TierCouponGrant>().AnyAsync(g => g.CustomerId == customerId && g.Tier == offer.Tier && g.PromotionId == offer.PromotionId, ct)) continue;
            var issued = await promotions.IssueCouponsAsync(offer.PromotionId, [customerId], ct);
            if (!issued.IsSuccess)
            {
                logger.LogWarning("Tier {Tier} welcome coupon of promotion {PromotionId} not issued: {Code}", offer.Tier, offer.PromotionId, issued.Error!.Code);
                continue;
            }
            db.Add(new TierCouponGrant { CustomerId = customerId, Tier = offer.Tier, PromotionId = offer.PromotionId, CouponId = issued.Value.Count > 0 ? issued.Value[0] : null, At = now });
        }
        await db.SaveChangesAsync(ct);
    }
}
