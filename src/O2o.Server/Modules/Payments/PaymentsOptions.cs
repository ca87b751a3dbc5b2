using O2o.Server.Modules.Payments.Alipay;
using O2o.Server.Modules.Payments.UnionPay;
using O2o.Server.Modules.Payments.WeChatPay;

namespace O2o.Server.Modules.Payments;

internal sealed class PaymentsOptions
{
    /// <summary>The sandbox gateway; null means on for the embedded SQLite demo and off otherwise.</summary>
    public SandboxOptions Sandbox { get; set; } = new();
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>This server's public address; gateways post notifications below it. By default this server's first listening address.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>A gateway payment still pending after this long is asked about (its notification may be lost).</summary>
    public TimeSpan QueryPendingAfter { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often the lost-notification job looks for such payments.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);
    public WeChatPayOptions WeChatPay { get; set; } = new();
    public AlipayOptions Alipay { get; set; } = new();
    public UnionPayOptions UnionPay { get; set; } = new();

    public sealed class SandboxOptions
    {
        public bool? Enabled { get; set; }
        /// <summary>Where the sandbox posts its notifications; by default this server's own first address.</summary>
        public string? NotifyBaseUrl { get; set; }
    }
}
