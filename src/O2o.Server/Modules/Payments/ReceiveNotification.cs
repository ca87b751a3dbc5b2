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
        var body = await ReadLimitedAsync(request, ct);
        if (body is null) return Answer(request, acknowledger, 413, "too_large");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (status, outcome) = await notifications.HandleAsync(name, headers, body, ct);
        return Answer(request, acknowledger, status, outcome);
    }

    /// <summary>The outcome also goes in a header, for operators and tests, since some gateways want a bare body.</summary>
    private static IResult Answer(HttpRequest request, IPaymentGateway gateway, int status, string outcome)
    {
        request.HttpContext.Response.Headers["O2o-Notification-Outcome"] = outcome;
        return gateway.Acknowledge(status, outcome);
    }

    /// <summary>The raw body, exactly as sent (signatures cover the bytes); null when it is larger than any real notification.</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
