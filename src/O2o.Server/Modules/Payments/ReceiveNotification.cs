using System.Text;

namespace O2o.Server.Modules.Payments;

/// <summary>The notify endpoint every gateway posts to; each gateway gets the acknowledgement format it expects.</summary>
internal static class ReceiveNotification
{
    private const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments/notify/{gateway}", Notify).AllowAnonymous().WithTags("Payments")
            .WithSummary("Where gateways post payment and refund notifications; verified, idempotent, audited");

    private static async Task<IResult> Notify(string gateway, HttpRequest request, PaymentNotifications notifications, IEnumerable<IPaymentGateway> gateways, CancellationToken ct)
    {
        var name = gateway.ToLowerInvariant();
        var acknowledger = gateways.FirstOrDefault(g => g.Method == name) ?? gateways.First(g => g.Method == SandboxGateway.Name);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (body, complete) = await ReadLimitedAsync(request, ct);
        var (status, outcome) = complete
            ? await notifications.HandleAsync(name, headers, body, ct)
            : await notifications.KeepRejectedAsync(name, headers, body, 413, "too_large", ct);
        return Answer(request, acknowledger, status, outcome);
    }

    /// <summary>The outcome also goes in a header, for operators and tests, since some gateways want a bare body.</summary>
    private static IResult Answer(HttpRequest request, IPaymentGateway gateway, int status, string outcome)
    {
        request.HttpContext.Response.Headers["O2o-Notification-Outcome"] = outcome;
        return gateway.Acknowledge(status, outcome);
    }

    /// <summary>The raw body, exactly as sent (signatures cover the bytes); not complete when larger than any real notification.</summary>
    private static async Task<(string Body, bool Complete)> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), true);
    }
}
