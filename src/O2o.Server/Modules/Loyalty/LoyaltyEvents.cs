using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>A completed order counts toward the tier and earns points at the rate of the tier the customer had when buying.</summary>
internal sealed class OnOrderCompleted(O2oDb db, PointsBook book, MemberTierReview tiers, IOptions<LoyaltyOptions> options, TimeProvider clock)
    : IEventHandler<OrderCompleted>
{
    public async Task HandleAsync(OrderCompleted e, CancellationToken ct)
    {
        var key = $"order:{e.OrderId:N}";
        if (e.PaidFen <= 0 || await db.Set<SpendRecord>().AnyAsync(s => s.SourceKey == key, ct)) return;
        var now = clock.GetUtcNow();
        var member = await book.LockAsync(e.CustomerId, now, ct);
        db.Add(new SpendRecord { SourceKey = key, CustomerId = e.CustomerId, OrderId = e.OrderId, AmountFen = e.PaidFen, At = e.CompletedAt });
        await db.SaveChangesAsync(ct);
        var o = options.Value;
        var points = e.PaidFen / 100 * o.PointsPerYuan * o.Tier(member.Tier).EarnPercent / 100;
        await book.EarnAsync(e.CustomerId, PointsKinds.Order, points, $"earn:{e.OrderId:N}", e.OrderId, null, e.CompletedAt, now, ct);
        await tiers.ReviewAsync(e.CustomerId, now, ct);
    }
}

/// <summary>A cancelled order gives back every point it spent.</summary>
internal sealed class OnOrderCancelled(O2oDb db, PointsBook book, TimeProvider clock) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        var customer = await db.Set<PointsEntry>().AsNoTracking().Where(x => x.OrderId == e.OrderId && x.Kind == PointsKinds.Redeem)
            .Select(x => x.CustomerId).FirstOrDefaultAsync(ct);
        if (customer is null) return;
        await book.GiveBackAsync(customer, e.OrderId, long.MaxValue, $"give_back:{e.OrderId:N}:cancel", "order cancelled", clock.GetUtcNow(), ct);
    }
}

/// <summary>
/// A refund takes back its share of the points the order earned and of its spend (dated as the order was, so it leaves the window with it),
/// and gives back its share of the points the order spent. A cancel and its refund together never give back more than was spent.
/// </summary>
internal sealed class OnPaymentRefunded(O2oDb db, PointsBook book, MemberTierReview tiers, TimeProvider clock) : IEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded e, CancellationToken ct)
    {
        if (e.PaymentAmountFen <= 0) return;
        var now = clock.GetUtcNow();
        var entries = await db.Set<PointsEntry>().AsNoTracking().Where(x => x.OrderId == e.OrderId && (x.Kind == PointsKinds.Order || x.Kind == PointsKinds.Redeem))
            .ToListAsync(ct);
        var spend = await db.Set<SpendRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.SourceKey == $"order:{e.OrderId:N}", ct);
        var customer = spend?.CustomerId ?? entries.FirstOrDefault()?.CustomerId;
        if (customer is null) return;

        long Share(long points) => (long)((Int128)points * e.AmountFen / e.PaymentAmountFen);
        if (entries.FirstOrDefault(x => x.Kind == PointsKinds.Order) is { } earned)
            await book.ReverseAsync(customer, Share(earned.Points), $"reversal:{e.RefundId:N}", e.OrderId, "refund", now, ct);
        if (entries.FirstOrDefault(x => x.Kind == PointsKinds.Redeem) is { } spent)
            await book.GiveBackAsync(customer, e.OrderId, Share(-spent.Points), $"give_back:{e.OrderId:N}:refund:{e.RefundId:N}", "refund", now, ct);
        var refundKey = $"refund:{e.RefundId:N}";
        if (spend is not null && !await db.Set<SpendRecord>().AnyAsync(s => s.SourceKey == refundKey, ct))
        {
            await book.LockAsync(customer, now, ct);
            db.Add(new SpendRecord { SourceKey = refundKey, CustomerId = customer, OrderId = e.OrderId, AmountFen = -Math.Min(e.AmountFen, spend.AmountFen), At = spend.At });
            await db.SaveChangesAsync(ct);
            await tiers.ReviewAsync(customer, now, ct);
        }
    }
}
