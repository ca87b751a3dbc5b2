namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>
/// <c>Payments:WeChatPay</c>. Key material is PEM text or a path to a PEM file; none of it is ever logged.
/// <see cref="Simulated"/> points the adapter at this server's own simulator with keys generated at start.
/// </summary>
internal sealed class WeChatPayOptions
{
    public bool Enabled { get; set; }
    public bool Simulated { get; set; }
    public string BaseUrl { get; set; } = "https://api.mch.weixin.qq.com";
    public string? AppId { get; set; }
    public string? MchId { get; set; }
    /// <summary>Serial number of the merchant API certificate (the serial_no of every request).</summary>
    public string? MerchantSerialNo { get; set; }
    public string? MerchantPrivateKey { get; set; }
    /// <summary>The 32-character APIv3 key that decrypts notification resources.</summary>
    public string? ApiV3Key { get; set; }
    /// <summary>The WeChat Pay public key id (PUB_KEY_ID_…) notifications and responses must name in Wechatpay-Serial.</summary>
    public string? PlatformPublicKeyId { get; set; }
    public string? PlatformPublicKey { get; set; }

    public bool IsConfigured => Enabled && !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(MchId)
        && !string.IsNullOrWhiteSpace(MerchantSerialNo) && !string.IsNullOrWhiteSpace(MerchantPrivateKey) && ApiV3Key is { Length: 32 }
        && !string.IsNullOrWhiteSpace(PlatformPublicKeyId) && !string.IsNullOrWhiteSpace(PlatformPublicKey);
}
