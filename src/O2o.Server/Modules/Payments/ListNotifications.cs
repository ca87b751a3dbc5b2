using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// The audit trail of gateway notifications for operators, newest first. <c>flagged=true</c> is the review queue:
/// every notification that was refused (signature, serial, freshness, merchant, shape) or held for review (amount).
/// </summary>
internal static class ListNotifications
{
    /// <summary>
    /// Outcomes of genuine notifications (and query results) handled as the gateway meant, besides those starting with
    /// accepted, duplicate or refund_; everything else is flagged.
    /// </summary>
    private static readonly string[] Handled = ["failed", "ignored_failed_payment", "closed_by_query", "failed_by_query", "ignored_failed_payment_by_query"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/payments/notifications", List).RequireAuthorization(Policies.PlatformAdmin).WithTags("Payments")
            .WithSummary("Gateway notifications as received and their outcome, newest first; flagged=true lists the refused and the held for review");

    private static async Task<IResult> List(string? gateway, string? outcome, bool? flagged, string? paymentId, int? page, int? pageSize,
        O2oDb db, HttpContext http, CancellationToken ct)
    {
        var validation = new Validation().Page(page, pageSize, 200).Text("gateway", gateway, 16, required: false).Text("outcome", outcome, 64, required: false)
            .Id("paymentId", paymentId, out var payment, required: false);
        if (validation.Error is { } invalid) return invalid.ToProblem();

        var query = db.Set<PaymentNotification>().AsNoTracking();
        var gatewayName = gateway?.ToLowerInvariant();
        if (gatewayName is not null) query = query.Where(n => n.Gateway == gatewayName);
        if (outcome is not null) query = query.Where(n => n.Outcome == outcome);
        if (paymentId is not null) query = query.Where(n => n.PaymentId == payment);
        if (flagged is true)
            query = query.Where(n => !Handled.Contains(n.Outcome) && !n.Outcome.StartsWith("accepted") && !n.Outcome.StartsWith("duplicate") && !n.Outcome.StartsWith("refund_"));
        if (flagged is false)
            query = query.Where(n => Handled.Contains(n.Outcome) || n.Outcome.StartsWith("accepted") || n.Outcome.StartsWith("duplicate") || n.Outcome.StartsWith("refund_"));
        var items = await Paging.PageAsync(query.OrderByDescending(n => n.Id), page, pageSize, http, ct);
        return Results.Ok(items.Select(n => new NotificationAuditView(n.Id.ToString(), n.Gateway, n.ReceivedAt, n.PaymentId?.ToString(), n.Outcome,
            IsFlagged(n.Outcome), n.Headers, n.Body)).ToList());
    }

    private static bool IsFlagged(string outcome) => !Handled.Contains(outcome)
        && !outcome.StartsWith("accepted", StringComparison.Ordinal) && !outcome.StartsWith("duplicate", StringComparison.Ordinal) && !outcome.StartsWith("refund_", StringComparison.Ordinal);
}
