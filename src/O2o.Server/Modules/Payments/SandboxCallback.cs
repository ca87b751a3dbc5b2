using System.Text;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>Posts sandbox notifications to this server's own notify endpoint, the route real gateways call.</summary>
internal sealed class SandboxCallback(IHttpClientFactory clients, PublicAddress address, ILogger<SandboxCallback> logger)
{
    public const string ClientName = "sandbox-notify";

    public async Task<Error?> PostAsync(IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        if (address.BaseUrl is null) return new Error("sandbox_unreachable", 503, "Service unavailable", "The sandbox cannot find this server's address: set Payments:Sandbox:NotifyBaseUrl.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.NotifyUrl(SandboxGateway.Name)))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode) return null;
        logger.LogWarning("The sandbox notification was refused with {Status}", (int)response.StatusCode);
        return new Error("notification_refused", 502, "Bad gateway", $"The notify endpoint refused the sandbox notification ({(int)response.StatusCode}).");
    }
}
