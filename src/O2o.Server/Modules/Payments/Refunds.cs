using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>Gives back a succeeded payment in full. The sandbox refunds at once; real gateways confirm by notification (a later issue).</summary>
internal sealed class Refunds(O2oDb db, TimeProvider clock)
{
    public async Task RefundAsync(Guid paymentId, string reason, CancellationToken ct)
    {
        var payment = await db.Set<Payment>().AsNoTracking().FirstAsync(p => p.Id == paymentId, ct);
        var changed = await db.Set<Payment>().Where(p => p.Id == paymentId && p.Status == PaymentStatus.Succeeded)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Refunded), ct);
        if (changed == 0) return;
        db.Add(new Refund
        {
            PaymentId = payment.Id, OrderId = payment.OrderId, AmountFen = payment.AmountFen, Status = "succeeded",
            Reason = reason.Length > 200 ? reason[..200] : reason, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A cancelled order closes its open payments and refunds the one that succeeded.</summary>
internal sealed class OnOrderCancelled(O2oDb db, Refunds refunds) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        await db.Set<Payment>().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Closed), ct);
        var succeeded = await db.Set<Payment>().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Succeeded)
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in succeeded)
            await refunds.RefundAsync(id, $"order cancelled: {e.Reason}", ct);
    }
}
