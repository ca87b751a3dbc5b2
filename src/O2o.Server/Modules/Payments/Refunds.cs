using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// Gives back part or all of a succeeded payment through its own gateway. The amount is reserved on the payment by a
/// conditional update before the gateway is asked, so concurrent refunds never add up to more than was paid; the
/// refund is confirmed by the gateway's answer or, later, by its refund notification, whichever comes first, once.
/// </summary>
internal sealed class Refunds(O2oDb db, IEnumerable<IPaymentGateway> gateways, EventBus events, TimeProvider clock, ILogger<Refunds> logger)
{
    /// <param name="refundId">A stable id from the caller, so a retried request reaches the gateway with the same refund number and refunds once.</param>
    public async Task<Result<Refund>> RefundAsync(Guid paymentId, long? amountFen, string reason, CancellationToken ct, Guid? refundId = null)
    {
        if (refundId is { } known && await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == known, ct) is { } existing) return existing;
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return PaymentsErrors.PaymentNotFound;
        if (payment.Status != PaymentStatus.Succeeded) return PaymentsErrors.NotRefundable;
        var amount = amountFen ?? payment.AmountFen - payment.RefundedFen;
        if (amount <= 0) return PaymentsErrors.RefundExceedsPaid;
        var reserved = await db.Set<Payment>()
            .Where(p => p.Id == paymentId && p.Status == PaymentStatus.Succeeded && p.RefundedFen + amount <= p.AmountFen)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.RefundedFen, p => p.RefundedFen + amount), ct);
        if (reserved == 0) return PaymentsErrors.RefundExceedsPaid;

        var refund = new Refund
        {
            Id = refundId ?? Guid.CreateVersion7(),
            PaymentId = payment.Id, OrderId = payment.OrderId, AmountFen = amount, Status = RefundStatus.Processing,
            Reason = reason.Length > 200 ? reason[..200] : reason, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(refund);
        await db.SaveChangesAsync(ct);

        var gateway = gateways.First(g => g.Method == payment.Method);
        var asked = await gateway.RefundAsync(payment, refund, ct);
        if (!asked.IsSuccess)
        {
            // Refused: nothing left the account. Unreachable: the outcome is unknown, so the reservation stays until a notification says.
            if (asked.Error!.Code == "gateway_refused") await CompleteAsync(refund.Id, succeeded: false, null, ct);
            logger.LogWarning("Refund {RefundId} through {Gateway}: {Code}", refund.Id, payment.Method, asked.Error.Code);
            if (asked.Error.Code == "gateway_refused") return asked.Error;
        }
        else if (asked.Value != RefundState.Processing) await CompleteAsync(refund.Id, asked.Value == RefundState.Succeeded, null, ct);
        return await db.Set<Refund>().AsNoTracking().FirstAsync(r => r.Id == refund.Id, ct);
    }

    /// <summary>Confirms or fails a processing refund; false when it was already settled (a duplicate or late notice).</summary>
    public async Task<bool> CompleteAsync(Guid refundId, bool succeeded, string? gatewayRefundNo, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Set<Refund>().Where(r => r.Id == refundId && r.Status == RefundStatus.Processing)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, succeeded ? RefundStatus.Succeeded : RefundStatus.Failed)
                .SetProperty(r => r.SettledAt, now).SetProperty(r => r.GatewayRefundNo, gatewayRefundNo), ct);
        if (changed == 0) return false;
        var refund = await db.Set<Refund>().AsNoTracking().FirstAsync(r => r.Id == refundId, ct);
        if (!succeeded)
        {
            await db.Set<Payment>().Where(p => p.Id == refund.PaymentId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.RefundedFen, p => p.RefundedFen - refund.AmountFen), ct);
            return true;
        }
        var payment = await db.Set<Payment>().AsNoTracking().FirstAsync(p => p.Id == refund.PaymentId, ct);
        await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Succeeded && p.RefundedFen >= p.AmountFen
                && !db.Set<Refund>().Any(r => r.PaymentId == p.Id && r.Status == RefundStatus.Processing))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Refunded), ct);
        events.Publish(new PaymentRefunded(refund.Id, payment.Id, payment.OrderId, payment.Method, refund.AmountFen, payment.AmountFen, now));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>A cancelled order closes its open payments (at the gateway too) and refunds the one that succeeded.</summary>
internal sealed class OnOrderCancelled(O2oDb db, Refunds refunds, IEnumerable<IPaymentGateway> gateways, ILogger<OnOrderCancelled> logger) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        var open = await db.Set<Payment>().AsNoTracking().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Pending).ToListAsync(ct);
        foreach (var payment in open)
            if (gateways.FirstOrDefault(g => g.Method == payment.Method) is { } gateway && await gateway.CloseAsync(payment, ct) is { } failed)
                logger.LogWarning("Could not close payment {PaymentId} at {Gateway}: {Code}; the recovery job will ask again", payment.Id, payment.Method, failed.Code);
        await db.Set<Payment>().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Closed), ct);
        var succeeded = await db.Set<Payment>().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Succeeded)
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in succeeded)
            await refunds.RefundAsync(id, null, $"order cancelled: {e.Reason}", ct);
    }
}

/// <summary>Another module gives money back for part of an order (an unused voucher, a failed group buy) through the order's payment.</summary>
internal sealed class OnRefundRequested(O2oDb db, Refunds refunds, ILogger<OnRefundRequested> logger) : IEventHandler<RefundRequested>
{
    public async Task HandleAsync(RefundRequested e, CancellationToken ct)
    {
        var paymentId = await db.Set<Payment>().Where(p => p.OrderId == e.OrderId && p.Status == PaymentStatus.Succeeded)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (paymentId is null)
        {
            logger.LogError("Refund of {Amount} fen for order {OrderId} ({Source}) asked, but the order has no succeeded payment", e.AmountFen, e.OrderId, e.Source);
            return;
        }
        var refund = await refunds.RefundAsync(paymentId.Value, e.AmountFen, $"{e.Source}: {e.Reason}", ct, e.RefundId);
        if (!refund.IsSuccess)
            logger.LogError("Refund of {Amount} fen for order {OrderId} ({Source}) refused: {Code}", e.AmountFen, e.OrderId, e.Source, refund.Error!.Code);
    }
}
