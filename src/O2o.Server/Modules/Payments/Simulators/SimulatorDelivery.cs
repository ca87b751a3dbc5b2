using System.Text;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>A notification as a gateway sends it: headers, the exact body, and its content type.</summary>
internal sealed record SimulatorNotification(Dictionary<string, string> Headers, string Body, string ContentType);

/// <summary>The payer's side of every simulator: deliver a notification now, or hand it back to be replayed (duplicates, out of order, late).</summary>
internal sealed class SimulatorDelivery(IHttpClientFactory clients)
{
    /// <summary>Posts to the merchant's notify URL as the gateway does; the merchant's HTTP status.</summary>
    public async Task<int> DeliverAsync(string notifyUrl, SimulatorNotification notification, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(notifyUrl))
        {
            Content = new StringContent(notification.Body, Encoding.UTF8, notification.ContentType),
        };
        foreach (var (name, value) in notification.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await clients.CreateClient(PublicAddress.ClientName).SendAsync(request, ct);
        return (int)response.StatusCode;
    }

    /// <summary>Delivers unless <paramref name="deliver"/> is false, and answers with the notification so a test or an operator can replay it.</summary>
    public async Task<IResult> PlayAsync(bool enabled, SimulatorNotification? notification, string? notifyUrl, bool? deliver, CancellationToken ct)
    {
        if (!enabled || notification is null || notifyUrl is null) return Results.NotFound();
        int? delivered = deliver == false ? null : await DeliverAsync(notifyUrl, notification, ct);
        return Results.Ok(new { delivered, notification = new { headers = notification.Headers, body = notification.Body, contentType = notification.ContentType } });
    }
}
