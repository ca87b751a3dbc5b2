using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// The demo customer's membership from the demo's order history: spend, the points each completed order earned at the tier held at the
/// time, the tier reached, and a sign-in streak. Written in bulk (the history has about a thousand orders), by the rules of the live code.
/// </summary>
public static class LoyaltyDemo
{
    public static async Task SeedAsync(O2oDb db, EventBus events, IReadOnlyList<OrderCompleted> history, DateTimeOffset now, CancellationToken ct)
    {
        var o = new LoyaltyOptions { Tiers = LoyaltyOptions.DefaultTiers() };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var customer in history.GroupBy(h => h.CustomerId))
            {
                long spend = 0, balance = 0;
                var tier = o.TierFor(0);
                DateTimeOffset? tierSince = null;
                foreach (var order in customer.OrderBy(h => h.CompletedAt))
                {
                    db.Add(new SpendRecord { SourceKey = $"order:{order.OrderId:N}", CustomerId = customer.Key, OrderId = order.OrderId, AmountFen = order.PaidFen, At = order.CompletedAt });
                    var points = order.PaidFen / 100 * o.PointsPerYuan * tier.EarnPercent / 100;
                    balance += Earn(db, o, customer.Key, PointsKinds.Order, points, $"earn:{order.OrderId:N}", order.OrderId, null, order.CompletedAt);
                    spend += order.PaidFen;
                    if (o.TierFor(spend).Tier != tier.Tier) (tier, tierSince) = (o.TierFor(spend), order.CompletedAt);
                }
                var today = MyMembership.LocalDay(o, now);
                const int streak = 5;
                for (var back = streak; back >= 1; back--)
                {
                    var day = today.AddDays(-back);
                    balance += Earn(db, o, customer.Key, PointsKinds.SignIn, o.SignInPoints, $"sign_in:{customer.Key}:{day:yyyyMMdd}", null, $"day {streak - back + 1}",
                        now.AddDays(-back));
                }
                // Announced like any tier change, so segments and the inbox know it too.
                if (tier.Tier > MemberTiers.Member)
                    events.Publish(new MemberTierChanged(customer.Key, MemberTiers.Member, tier.Tier, spend, tierSince ?? now, tier.NameZh, tier.NameEn));
                db.Add(new Member
                {
                    CustomerId = customer.Key, Balance = balance, Tier = tier.Tier, RollingSpendFen = spend, TierSince = tierSince,
                    LastSignIn = today.AddDays(-1), SignInStreak = streak,
                });
            }
            // The welcome coupons the demo's promotions define for each tier (PromotionsDemo), issued on reaching it.
            foreach (var tier in new[] { MemberTiers.Silver, MemberTiers.Gold, MemberTiers.Diamond })
                db.Add(new TierCoupon { Tier = tier, PromotionId = StableId.From($"demo:promotion:tier-{tier}-welcome") });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private static long Earn(O2oDb db, LoyaltyOptions o, string customerId, string kind, long points, string key, Guid? orderId, string? note, DateTimeOffset at)
    {
        if (points <= 0) return 0;
        var entry = new PointsEntry { CustomerId = customerId, Kind = kind, Points = points, SourceKey = key, OrderId = orderId, Note = note, At = at };
        db.Add(entry);
        db.Add(new PointsLot { CustomerId = customerId, EntryId = entry.Id, Points = points, Remaining = points, EarnedAt = at, ExpiresAt = at + o.PointsLifetime });
        return points;
    }
}
