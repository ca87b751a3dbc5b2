using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>Where gateways reach this server: the configured public address, or the first address Kestrel listens on.</summary>
internal sealed class PublicAddress(IServer server, IOptions<PaymentsOptions> options)
{
    /// <summary>The named client every gateway adapter and simulator uses, so tests can route it into the test host.</summary>
    public const string ClientName = "payments-gateways";

    public string? BaseUrl => (options.Value.PublicBaseUrl ?? options.Value.Sandbox.NotifyBaseUrl ?? ServerAddress.Own(server))?.TrimEnd('/');

    public string NotifyUrl(string gateway) => $"{BaseUrl}/api/payments/notify/{gateway}";

    public string SimulatorUrl(string gateway) => $"{BaseUrl}/simulators/{gateway}";
}
