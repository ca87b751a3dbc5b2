using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Counter;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// Purchases as loyalty sees them, online or at the counter: a completed one counts toward the tier and earns points at the rate of
/// the tier held when buying; a refund takes back its share of both. The spend of a refund is dated as the purchase was, so it leaves
/// the rolling window with it.
/// </summary>
internal sealed class Purchases(O2oDb db, PointsBook book, MemberTierReview tiers, IOptions<LoyaltyOptions> options, TimeProvider clock)
{
    public async Task CompletedAsync(string customerId, Guid purchaseId, long paidFen, DateTimeOffset completedAt, CancellationToken ct)
    {
        var key = $"order:{purchaseId:N}";
        if (paidFen <= 0 || await db.Set<SpendRecord>().AnyAsync(s => s.SourceKey == key, ct)) return;
        var now = clock.GetUtcNow();
        var member = await book.LockAsync(customerId, now, ct);
        db.Add(new SpendRecord { SourceKey = key, CustomerId = customerId, OrderId = purchaseId, AmountFen = paidFen, At = completedAt });
        await db.SaveChangesAsync(ct);
        var o = options.Value;
        var points = paidFen / 100 * o.PointsPerYuan * o.Tier(member.Tier).EarnPercent / 100;
        await book.EarnAsync(customerId, PointsKinds.Order, points, $"earn:{purchaseId:N}", purchaseId, null, completedAt, now, ct);
        await tiers.ReviewAsync(customerId, now, ct);
    }

    /// <summary>The customer whose purchase this was, as loyalty recorded it; null when it earned nothing and spent no points.</summary>
    public async Task<string?> CustomerOfAsync(Guid purchaseId, CancellationToken ct) =>
        await db.Set<SpendRecord>().AsNoTracking().Where(s => s.SourceKey == $"order:{purchaseId:N}").Select(s => s.CustomerId).FirstOrDefaultAsync(ct)
        ?? await db.Set<PointsEntry>().AsNoTracking().Where(e => e.OrderId == purchaseId).Select(e => e.CustomerId).FirstOrDefaultAsync(ct);

    /// <summary>Takes back <paramref name="refundFen"/>/<paramref name="paidFen"/> of what the purchase earned and counted toward the tier.</summary>
    public async Task RefundedAsync(string customerId, Guid purchaseId, Guid refundId, long refundFen, long paidFen, CancellationToken ct)
    {
        if (paidFen <= 0 || refundFen <= 0) return;
        var now = clock.GetUtcNow();
        var earned = await db.Set<PointsEntry>().AsNoTracking().Where(x => x.OrderId == purchaseId && x.Kind == PointsKinds.Order).Select(x => (long?)x.Points)
            .FirstOrDefaultAsync(ct);
        if (earned is { } points)
            await book.ReverseAsync(customerId, (long)((Int128)points * refundFen / paidFen), $"reversal:{refundId:N}", purchaseId, "refund", now, ct);
        var refundKey = $"refund:{refundId:N}";
        var spend = await db.Set<SpendRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.SourceKey == $"order:{purchaseId:N}", ct);
        if (spend is null || await db.Set<SpendRecord>().AnyAsync(s => s.SourceKey == refundKey, ct)) return;
        await book.LockAsync(customerId, now, ct);
        db.Add(new SpendRecord { SourceKey = refundKey, CustomerId = customerId, OrderId = purchaseId, AmountFen = -Math.Min(refundFen, spend.AmountFen), At = spend.At });
        await db.SaveChangesAsync(ct);
        await tiers.ReviewAsync(customerId, now, ct);
    }
}

internal sealed class OnOrderCompleted(Purchases purchases) : IEventHandler<OrderCompleted>
{
    public Task HandleAsync(OrderCompleted e, CancellationToken ct) => purchases.CompletedAsync(e.CustomerId, e.OrderId, e.PaidFen, e.CompletedAt, ct);
}

internal sealed class OnMemberCounterSale(Purchases purchases) : IEventHandler<MemberCounterSale>
{
    public Task HandleAsync(MemberCounterSale e, CancellationToken ct) => purchases.CompletedAsync(e.CustomerId, e.SaleId, e.PaidFen, e.At, ct);
}

internal sealed class OnMemberCounterReturn(Purchases purchases) : IEventHandler<MemberCounterReturn>
{
    public Task HandleAsync(MemberCounterReturn e, CancellationToken ct) => purchases.RefundedAsync(e.CustomerId, e.SaleId, e.ReturnId, e.RefundFen, e.SaleTotalFen, ct);
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
/// A refund of an order takes back its share of what the order earned, and gives back its share of the points the order spent.
/// A cancel and its refund together never give back more than was spent.
/// </summary>
internal sealed class OnPaymentRefunded(O2oDb db, Purchases purchases, PointsBook book, TimeProvider clock) : IEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded e, CancellationToken ct)
    {
        if (e.PaymentAmountFen <= 0 || await purchases.CustomerOfAsync(e.OrderId, ct) is not { } customer) return;
        await purchases.RefundedAsync(customer, e.OrderId, e.RefundId, e.AmountFen, e.PaymentAmountFen, ct);
        var spent = await db.Set<PointsEntry>().AsNoTracking().Where(x => x.OrderId == e.OrderId && x.Kind == PointsKinds.Redeem).Select(x => (long?)-x.Points)
            .FirstOrDefaultAsync(ct);
        if (spent is { } points)
            await book.GiveBackAsync(customer, e.OrderId, (long)((Int128)points * e.AmountFen / e.PaymentAmountFen), $"give_back:{e.OrderId:N}:refund:{e.RefundId:N}",
                "refund", clock.GetUtcNow(), ct);
    }
}
