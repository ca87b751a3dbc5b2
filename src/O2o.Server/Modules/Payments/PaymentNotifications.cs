using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// The one path by which a payment becomes paid: verify the gateway's notification, then apply it once.
/// Duplicates and late notifications change nothing; every notification is kept for audit.
/// </summary>
internal sealed class PaymentNotifications(O2oDb db, IEnumerable<IPaymentGateway> gateways, IOrdering ordering, Refunds refunds,
    EventBus events, TimeProvider clock, ILogger<PaymentNotifications> logger)
{
    public async Task<(int Status, string Outcome)> HandleAsync(string gatewayName, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        var audit = Audit(gatewayName, headers, body, "received");
        var (status, outcome) = await ApplyAsync(gatewayName, headers, body, audit, ct);
        // A notification that changed something was kept in the same transaction; the rest are kept on their own.
        if (db.Entry(audit).State != EntityState.Unchanged)
        {
            audit.Outcome = outcome;
            db.ChangeTracker.Clear();
            db.Add(audit);
            await db.SaveChangesAsync(ct);
        }
        if (status >= 400) logger.LogWarning("Rejected a {Gateway} notification: {Outcome}", gatewayName, outcome);
        return (status, outcome);
    }

    /// <summary>Keeps a notification refused before it could be read (too large), with what was read of it.</summary>
    public async Task<(int, string)> KeepRejectedAsync(string gatewayName, IReadOnlyDictionary<string, string> headers, string body, int status, string outcome, CancellationToken ct)
    {
        db.Add(Audit(gatewayName, headers, body, outcome));
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Rejected a {Gateway} notification: {Outcome}", gatewayName, outcome);
        return (status, outcome);
    }

    private async Task<(int, string)> ApplyAsync(string gatewayName, IReadOnlyDictionary<string, string> headers, string body, PaymentNotification audit, CancellationToken ct)
    {
        var gateway = gateways.FirstOrDefault(g => g.Method == gatewayName && g.IsAvailable);
        if (gateway is null) return (404, "unknown_gateway");
        var verified = gateway.Verify(headers, body);
        if (!verified.IsSuccess) return (verified.Error!.Status, verified.Error.Code);
        var notice = verified.Value;
        audit.PaymentId = notice.PaymentId;
        if (notice.RefundId is { } refundId) return await ApplyRefundAsync(gatewayName, notice, refundId, audit, ct);

        // Read outside the transaction: gateways resend until acknowledged, and a copy of an applied notice needs no write turn.
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == notice.PaymentId && p.Method == gatewayName, ct);
        if (payment is null) return (404, "unknown_payment");
        if (payment.AmountFen != notice.AmountFen || payment.Currency != notice.Currency)
            return (400, "amount_mismatch_flagged_for_review");
        if (notice.Succeeded && payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded) return (200, "duplicate");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        return await ApplyPaymentAsync(payment, notice, transaction, ct, audit);
    }

    /// <summary>Settles a verified payment notice, or the same facts learnt by asking the gateway; the caller's transaction commits it.</summary>
    /// <remarks>The status read from <paramref name="payment"/> may be stale: the conditional update decides.</remarks>
    public async Task<(int, string)> ApplyPaymentAsync(Payment payment, GatewayNotice notice, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        CancellationToken ct, PaymentNotification? audit = null)
    {
        if (!notice.Succeeded)
        {
            var failed = await Settle(payment.Id, PaymentStatus.Failed, notice, ct);
            var failedOutcome = failed ? "failed" : $"duplicate_{payment.Status}";
            await KeepAsync(audit, failedOutcome, ct);
            await transaction.CommitAsync(ct);
            return (200, failedOutcome);
        }
        if (payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded) return (200, "duplicate");
        if (payment.Status == PaymentStatus.Failed) return (200, "ignored_failed_payment");

        // Pending, or closed while the payer was still paying: the money arrived either way.
        if (!await Settle(payment.Id, PaymentStatus.Succeeded, notice, ct)) return (200, "duplicate");
        events.Publish(new PaymentSucceeded(payment.Id, payment.OrderId, payment.Method, payment.AmountFen, payment.Currency, notice.At));
        await db.SaveChangesAsync(ct);
        var paid = await ordering.MarkPaidAsync(payment.OrderId, payment.Id, notice.At, ct);
        var outcome = "accepted";
        if (paid is not null)
        {
            await refunds.RefundAsync(payment.Id, null, $"order no longer payable: {paid.Code}", ct);
            outcome = "accepted_and_refunded";
        }
        await KeepAsync(audit, outcome, ct);
        await transaction.CommitAsync(ct);
        return (200, outcome);
    }

    private async Task KeepAsync(PaymentNotification? audit, string outcome, CancellationToken ct)
    {
        if (audit is null) return;
        audit.Outcome = outcome;
        db.Add(audit);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A refund notice confirms (or fails) one of our processing refunds, once; it may arrive before the gateway's own answer.</summary>
    private async Task<(int, string)> ApplyRefundAsync(string gatewayName, GatewayNotice notice, Guid refundId, PaymentNotification audit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var refund = await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == refundId && r.PaymentId == notice.PaymentId, ct);
        var method = refund is null ? null : await db.Set<Payment>().Where(p => p.Id == refund.PaymentId).Select(p => p.Method).FirstOrDefaultAsync(ct);
        if (refund is null || method != gatewayName) return (404, "unknown_refund");
        var amountMatches = notice.RefundAmountIsCumulative
            ? notice.AmountFen >= refund.AmountFen && notice.AmountFen <= await db.Set<Payment>().Where(p => p.Id == refund.PaymentId).Select(p => p.AmountFen).FirstAsync(ct)
            : notice.AmountFen == refund.AmountFen;
        if (!amountMatches) return (400, "amount_mismatch_flagged_for_review");
        var applied = await refunds.CompleteAsync(refund.Id, notice.Succeeded, notice.TradeNo, ct);
        var outcome = applied ? (notice.Succeeded ? "refund_succeeded" : "refund_failed") : "duplicate";
        await KeepAsync(audit, outcome, ct);
        await transaction.CommitAsync(ct);
        return (200, outcome);
    }

    /// <summary>A conditional update, so two copies of one notification apply once.</summary>
    private async Task<bool> Settle(Guid paymentId, string status, GatewayNotice notice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Payment>().Where(p => p.Id == paymentId && (p.Status == PaymentStatus.Pending || p.Status == PaymentStatus.Closed))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.GatewayTradeNo, notice.TradeNo).SetProperty(p => p.SettledAt, now), ct) == 1;
    }

    private PaymentNotification Audit(string gatewayName, IReadOnlyDictionary<string, string> headers, string body, string outcome) => new()
    {
        Gateway = gatewayName.Length > 16 ? gatewayName[..16] : gatewayName, ReceivedAt = clock.GetUtcNow(),
        Headers = Truncate(JsonSerializer.Serialize(headers), 4000), Body = Truncate(body, 16000), Outcome = outcome,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
