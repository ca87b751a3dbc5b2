namespace O2o.Server.Modules.Payments.UnionPay;

/// <summary>
/// <c>Payments:UnionPay</c>: the merchant's signing key and its certificate's serial (certId, decimal), and the
/// UnionPay root and middle certificates that every response and notification's signPubKeyCert must chain to.
/// </summary>
internal sealed class UnionPayOptions
{
    public bool Enabled { get; set; }
    public bool Simulated { get; set; }
    public string GatewayUrl { get; set; } = "https://gateway.95516.com/gateway/api";
    public string FileDownloadUrl { get; set; } = "https://filedownload.95516.com/";
    public string? MerId { get; set; }
    public string? SignCertId { get; set; }
    public string? MerchantPrivateKey { get; set; }
    public string? RootCertificate { get; set; }
    public string? MiddleCertificate { get; set; }
    /// <summary>The owner of UnionPay's signing certificate.</summary>
    public string SignerCommonName { get; set; } = "中国银联股份有限公司";
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromHours(25);

    public bool IsConfigured => Enabled && !string.IsNullOrWhiteSpace(MerId) && !string.IsNullOrWhiteSpace(SignCertId)
        && !string.IsNullOrWhiteSpace(MerchantPrivateKey) && !string.IsNullOrWhiteSpace(RootCertificate) && !string.IsNullOrWhiteSpace(MiddleCertificate);
}
