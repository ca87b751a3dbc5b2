namespace O2o.Server.Modules.Payments.Alipay;

/// <summary><c>Payments:Alipay</c> (public-key mode, RSA2). Keys are PEM text or a path to a PEM file; never logged.</summary>
internal sealed class AlipayOptions
{
    public bool Enabled { get; set; }
    public bool Simulated { get; set; }
    public string GatewayUrl { get; set; } = "https://openapi.alipay.com/gateway.do";
    public string? AppId { get; set; }
    /// <summary>The merchant's partner id (2088…); notifications must name it as seller_id.</summary>
    public string? SellerId { get; set; }
    public string? AppPrivateKey { get; set; }
    public string? AlipayPublicKey { get; set; }
    /// <summary>Alipay retries a notification for about 24h22m with the same notify_time; older ones are refused as replays.</summary>
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromHours(25);

    public bool IsConfigured => Enabled && !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(SellerId)
        && !string.IsNullOrWhiteSpace(AppPrivateKey) && !string.IsNullOrWhiteSpace(AlipayPublicKey);
}
