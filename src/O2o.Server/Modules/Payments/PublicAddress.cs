using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace O2o.Server.Modules.Payments;

/// <summary>Where gateways reach this server: the configured public address, or the first address Kestrel listens on.</summary>
internal sealed class PublicAddress(IServer server, IOptions<PaymentsOptions> options)
{
    /// <summary>The named client every gateway adapter and simulator uses, so tests can route it into the test host.</summary>
    public const string ClientName = "payments-gateways";

    public string? BaseUrl => (options.Value.PublicBaseUrl ?? options.Value.Sandbox.NotifyBaseUrl ?? OwnAddress())?.TrimEnd('/');

    public string NotifyUrl(string gateway) => $"{BaseUrl}/api/payments/notify/{gateway}";

    public string SimulatorUrl(string gateway) => $"{BaseUrl}/simulators/{gateway}";

    /// <summary>The first address Kestrel listens on, with a wildcard host made local.</summary>
    private string? OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
