using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.UnionPay;

/// <summary>
/// Signs every request with the merchant key, and verifies every answer and notification by the signPubKeyCert it
/// carries: the certificate must chain to the configured UnionPay root and middle, be valid now and belong to UnionPay.
/// </summary>
internal sealed class UnionPayClient(IHttpClientFactory clients, IOptions<PaymentsOptions> options, UnionPayTrust trust, PublicAddress address,
    TimeProvider clock, ILogger<UnionPayClient> logger)
{
    private UnionPayOptions Options => options.Value.UnionPay;

    public string GatewayUrl => (Options.Simulated ? address.SimulatorUrl("unionpay") + "/gateway/api" : Options.GatewayUrl).TrimEnd('/');

    /// <summary>The reconciliation file host (file transfer, txnType 76).</summary>
    public string FileDownloadUrl => Options.Simulated ? address.SimulatorUrl("unionpay") + "/filedownload/" : Options.FileDownloadUrl;

    /// <summary>Posts a back-end transaction to <c>{GatewayUrl}/{endpoint}</c>; the verified answer, or an error when unreachable or not signed by UnionPay.</summary>
    public Task<Result<Dictionary<string, string>>> SendAsync(string endpoint, Dictionary<string, string> fields, CancellationToken ct) =>
        SendToAsync($"{GatewayUrl}/{endpoint}", fields, ct);

    /// <summary>Where the payer's browser posts a front transaction (frontTransReq: UnionPay's own cashier pages).</summary>
    public string FrontUrl => $"{GatewayUrl}/frontTransReq.do";

    /// <summary>Adds the common fields and the signature; the same for back-end calls and the payer's front form.</summary>
    public Dictionary<string, string> Signed(Dictionary<string, string> fields)
    {
        fields["version"] = UnionPayProtocol.Version;
        fields["encoding"] = "UTF-8";
        fields["signMethod"] = "01";
        fields["certId"] = Options.SignCertId!;
        fields["merId"] = Options.MerId!;
        fields["accessType"] = "0";
        fields["signature"] = UnionPayProtocol.Sign(trust.MerchantKey, fields);
        return fields;
    }

    public async Task<Result<Dictionary<string, string>>> SendToAsync(string url, Dictionary<string, string> fields, CancellationToken ct)
    {
        var endpoint = url;
        Signed(fields);
        string raw;
        try
        {
            using var content = new StringContent(GatewayForms.FormBody(fields), Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await clients.CreateClient(PublicAddress.ClientName).PostAsync(new Uri(url), content, ct);
            raw = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("UnionPay did not answer {Endpoint}: {Reason}", endpoint, e.Message);
            return PaymentsErrors.GatewayUnavailable;
        }
        var answer = GatewayForms.ParseRaw(raw);
        if (Verify(answer) is not null)
        {
            logger.LogWarning("UnionPay answered {Endpoint} without a valid signature; treated as forged", endpoint);
            return PaymentsErrors.GatewayUnavailable;
        }
        return answer;
    }

    /// <summary>Checks the certificate, the signature and that the message is for our merchant; null when all hold.</summary>
    public Error? Verify(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.TryGetValue("signPubKeyCert", out var pem) || trust.SignerKey(pem) is not { } key) return PaymentsErrors.UnknownSerial;
        if (!UnionPayProtocol.Verify(key, fields)) return PaymentsErrors.BadSignature;
        return fields.GetValueOrDefault("merId") == Options.MerId ? null : PaymentsErrors.MerchantMismatch;
    }

    public bool IsFresh(string? txnTime) =>
        UnionPayProtocol.ParseBeijingTime(txnTime) is { } at && (clock.GetUtcNow() - at).Duration() <= Options.NotificationMaxAge;
}

/// <summary>The merchant key and the UnionPay trust anchors; each signing certificate is checked once and then cached.</summary>
internal sealed class UnionPayTrust(IOptions<PaymentsOptions> options, TimeProvider clock) : IDisposable
{
    private readonly Lazy<RSA> _merchant = new(() => GatewayKeys.LoadRsa(options.Value.UnionPay.MerchantPrivateKey!));
    private readonly ConcurrentDictionary<string, (RSA? Key, DateTimeOffset NotAfter)> _checked = new();

    public RSA MerchantKey => _merchant.Value;

    /// <summary>The public key of a UnionPay signing certificate, or null when it does not chain, has expired or is someone else's.</summary>
    public RSA? SignerKey(string pem)
    {
        if (pem.Length > 8192) return null;
        if (!_checked.TryGetValue(pem, out var known))
        {
            // Only certificates that passed are remembered, so strangers cannot fill the cache.
            var fresh = Check(pem);
            if (fresh.Key is null) return null;
            known = _checked.GetOrAdd(pem, fresh);
            if (!ReferenceEquals(known.Key, fresh.Key)) fresh.Key.Dispose();
        }
        return known.NotAfter > clock.GetUtcNow() ? known.Key : null;
    }

    private (RSA? Key, DateTimeOffset NotAfter) Check(string pem)
    {
        try
        {
            using var cert = X509Certificate2.CreateFromPem(pem);
            using var root = X509Certificate2.CreateFromPem(Pem(options.Value.UnionPay.RootCertificate!));
            using var middle = X509Certificate2.CreateFromPem(Pem(options.Value.UnionPay.MiddleCertificate!));
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.ExtraStore.Add(middle);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = clock.GetUtcNow().UtcDateTime;
            var owner = cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (!chain.Build(cert) || owner != options.Value.UnionPay.SignerCommonName) return (null, DateTimeOffset.MaxValue);
            return (cert.GetRSAPublicKey(), new DateTimeOffset(cert.NotAfter.ToUniversalTime()));
        }
        catch (CryptographicException) { return (null, DateTimeOffset.MaxValue); }
    }

    private static string Pem(string pemOrPath) => pemOrPath.Contains("-----BEGIN", StringComparison.Ordinal) ? pemOrPath : File.ReadAllText(pemOrPath);

    public void Dispose()
    {
        if (_merchant.IsValueCreated) _merchant.Value.Dispose();
        foreach (var (key, _) in _checked.Values) key?.Dispose();
    }
}
