using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// What a priced order takes, and gives back. Every step is a conditional update, so racing checkouts never use one coupon
/// twice nor a budget or a per-customer limit beyond its figure; rows are touched in id order so racers queue, not deadlock.
/// </summary>
internal static class PromotionReservations
{
    public static async Task<Error?> ReserveAsync(O2oDb db, Guid orderId, string? customerId, Quote quote, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var couponId in quote.CouponIds.Order())
        {
            var taken = await db.Set<Coupon>()
                .Where(c => c.Id == couponId && c.CustomerId == customerId && c.Status == CouponStatus.Available && c.ValidUntil > now)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CouponStatus.Used).SetProperty(c => c.OrderId, orderId)
                    .SetProperty(c => c.UsedAt, now), ct);
            if (taken == 0) return CouponErrors.CouponUsed;
        }

        var given = quote.Applied.Select(a => (a.PromotionId, a.CouponId, a.AmountFen))
            .Concat(quote.Gifts.Select(g => (g.PromotionId, g.CouponId, AmountFen: 0L)))
            .GroupBy(a => a.PromotionId).Select(g => (PromotionId: g.Key, g.First().CouponId, AmountFen: g.Sum(x => x.AmountFen)))
            .OrderBy(a => a.PromotionId).ToList();
        if (given.Count == 0) return null;
        var ids = given.Select(g => g.PromotionId).ToList();
        var terms = await db.Set<Promotion>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BudgetFen, p.BudgetUses, p.PerCustomerLimit, p.IsCoupon }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (promotionId, couponId, amount) in given)
        {
            var t = terms[promotionId];
            var budgeted = t.BudgetFen is not null || t.BudgetUses is not null;
            if (budgeted)
            {
                var within = await db.Set<Promotion>()
                    .Where(p => p.Id == promotionId && (p.BudgetFen == null || p.SpentFen + amount <= p.BudgetFen) && (p.BudgetUses == null || p.Uses + 1 <= p.BudgetUses))
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.SpentFen, p => p.SpentFen + amount).SetProperty(p => p.Uses, p => p.Uses + 1), ct);
                if (within == 0) return CouponErrors.BudgetExhausted;
            }
            // A coupon's limit counts coupons received, checked when it is issued; a promotion's counts the orders that had it.
            var limited = !t.IsCoupon && t.PerCustomerLimit is not null && customerId is not null;
            if (limited && !await TakeCustomerUseAsync(db, promotionId, customerId!, t.PerCustomerLimit!.Value, ct)) return CouponErrors.CustomerLimitReached;
            // Only what a cancel must give back (or a campaign counts) is written here; the order's breakdown already says what each took.
            if (!budgeted && !limited && couponId is null) continue;
            db.Add(new PromotionApplication
            {
                OrderId = orderId, PromotionId = promotionId, CouponId = couponId, CustomerId = customerId, AmountFen = amount,
                Budgeted = budgeted, Limited = limited, At = now,
            });
        }
        return null;
    }

    /// <summary>One more use (or coupon) for the customer if the limit allows; the row is created first so the limit is one conditional update.</summary>
    public static async Task<bool> TakeCustomerUseAsync(O2oDb db, Guid promotionId, string customerId, int limit, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO promotions_customer_uses (promotion_id, customer_id, uses) VALUES ({promotionId}, {customerId}, 0) ON CONFLICT DO NOTHING", ct);
        return await db.Set<PromotionCustomerUse>().Where(u => u.PromotionId == promotionId && u.CustomerId == customerId && u.Uses + 1 <= limit)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Uses, x => x.Uses + 1), ct) == 1;
    }
}

/// <summary>A cancelled or expired order gives back its coupons, its share of budgets and its per-customer uses, once.</summary>
internal sealed class OnPromotedOrderCancelled(O2oDb db) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        var applications = await db.Set<PromotionApplication>().AsNoTracking().Where(a => a.OrderId == e.OrderId && !a.Released).ToListAsync(ct);
        foreach (var a in applications.OrderBy(a => a.PromotionId))
        {
            var claimed = await db.Set<PromotionApplication>().Where(x => x.Id == a.Id && !x.Released)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Released, true), ct);
            if (claimed == 0) continue;
            if (a.Budgeted)
                await db.Set<Promotion>().Where(p => p.Id == a.PromotionId)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.SpentFen, p => p.SpentFen - a.AmountFen).SetProperty(p => p.Uses, p => p.Uses - 1), ct);
            if (a.Limited)
                await db.Set<PromotionCustomerUse>().Where(x => x.PromotionId == a.PromotionId && x.CustomerId == a.CustomerId && x.Uses > 0)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Uses, x => x.Uses - 1), ct);
            if (a.CouponId is { } couponId)
                await db.Set<Coupon>().Where(c => c.Id == couponId && c.OrderId == e.OrderId && c.Status == CouponStatus.Used)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CouponStatus.Available).SetProperty(c => c.OrderId, (Guid?)null)
                        .SetProperty(c => c.UsedAt, (DateTimeOffset?)null), ct);
        }
    }
}
