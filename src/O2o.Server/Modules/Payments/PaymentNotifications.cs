using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// The one path by which a payment becomes paid: verify the gateway's notification, then apply it once.
/// Duplicates and late notifications change nothing; every notification is kept for audit.
/// </summary>
internal sealed class PaymentNotifications(O2oDb db, IEnumerable<IPaymentGateway> gateways, IOrdering ordering, Refunds refunds,
    TimeProvider clock, ILogger<PaymentNotifications> logger)
{
    public async Task<(int Status, string Outcome)> HandleAsync(string gatewayName, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        var audit = new PaymentNotification
        {
            Gateway = gatewayName.Length > 16 ? gatewayName[..16] : gatewayName, ReceivedAt = clock.GetUtcNow(),
            Headers = Truncate(JsonSerializer.Serialize(headers), 4000), Body = Truncate(body, 16000), Outcome = "received",
        };
        var gateway = gateways.FirstOrDefault(g => g.Method == gatewayName && g.IsAvailable);
        var verified = gateway is null ? (Result<GatewayNotice>)new Error("unknown_gateway", 404, "Not found", "No such gateway is configured.") : gateway.Verify(headers, body);

        // The notification's effect and its audit row commit together: one transaction (on SQLite, one turn of the writer).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (status, outcome) = verified.IsSuccess
            ? await ApplyAsync(gatewayName, verified.Value, audit, ct)
            : (verified.Error!.Status, verified.Error.Code);
        audit.Outcome = outcome;
        db.ChangeTracker.Clear();
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (status >= 400) logger.LogWarning("Rejected a {Gateway} notification: {Outcome}", gatewayName, outcome);
        return (status, outcome);
    }

    /// <summary>Applies a verified notice; every refusal returns before anything is written.</summary>
    private async Task<(int, string)> ApplyAsync(string gatewayName, GatewayNotice notice, PaymentNotification audit, CancellationToken ct)
    {
        audit.PaymentId = notice.PaymentId;
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == notice.PaymentId && p.Method == gatewayName, ct);
        if (payment is null) return (404, "unknown_payment");
        if (payment.AmountFen != notice.AmountFen || payment.Currency != notice.Currency)
            return (400, "amount_mismatch_flagged_for_review");
        if (!notice.Succeeded)
            return (200, await Settle(payment.Id, PaymentStatus.Failed, notice, ct) ? "failed" : $"duplicate_{payment.Status}");
        if (payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded) return (200, "duplicate");
        if (payment.Status == PaymentStatus.Failed) return (200, "ignored_failed_payment");

        // Pending, or closed while the payer was still paying: the money arrived either way.
        if (!await Settle(payment.Id, PaymentStatus.Succeeded, notice, ct)) return (200, "duplicate");
        var paid = await ordering.MarkPaidAsync(payment.OrderId, payment.Id, notice.At, ct);
        if (paid is null) return (200, "accepted");
        await refunds.RefundAsync(payment.Id, $"order no longer payable: {paid.Code}", ct);
        return (200, "accepted_and_refunded");
    }

    /// <summary>A conditional update, so two copies of one notification apply once.</summary>
    private async Task<bool> Settle(Guid paymentId, string status, GatewayNotice notice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Payment>().Where(p => p.Id == paymentId && (p.Status == PaymentStatus.Pending || p.Status == PaymentStatus.Closed))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.GatewayTradeNo, notice.TradeNo).SetProperty(p => p.SettledAt, now), ct) == 1;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
