using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>Signs every request to WeChat Pay and verifies the signature of every answer (an unsigned 2xx is a forgery).</summary>
internal sealed class WeChatPayClient(IHttpClientFactory clients, IOptions<PaymentsOptions> options, WeChatPayKeys keys, PublicAddress address,
    TimeProvider clock, ILogger<WeChatPayClient> logger)
{
    public sealed record Answer(HttpStatusCode Status, string Body);

    private WeChatPayOptions Options => options.Value.WeChatPay;

    public string BaseUrl => (Options.Simulated ? address.SimulatorUrl("wechatpay") : Options.BaseUrl).TrimEnd('/');

    /// <summary>Bill files are the one answer WeChat does not sign (their SHA-1 is given beforehand): pass <paramref name="signedAnswer"/> false.</summary>
    public async Task<Result<Answer>> SendAsync(HttpMethod method, string pathAndQuery, string? body, CancellationToken ct, bool signedAnswer = true)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPayProtocol.NewNonce();
        var message = WeChatPayProtocol.RequestMessage(method.Method, pathAndQuery, timestamp, nonce, body ?? "");
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl + pathAndQuery));
        request.Headers.TryAddWithoutValidation("Authorization", WeChatPayProtocol.Authorization(
            Options.MchId!, nonce, GatewayKeys.SignSha256(keys.MerchantKey, message), timestamp, Options.MerchantSerialNo!));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "O2oCommerce/1.0");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        HttpResponseMessage response;
        string text;
        try
        {
            response = await clients.CreateClient(PublicAddress.ClientName).SendAsync(request, ct);
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("WeChat Pay did not answer {Method} {Path}: {Reason}", method, pathAndQuery, e.Message);
            return PaymentsErrors.GatewayUnavailable;
        }
        using (response)
        {
            if (signedAnswer && response.IsSuccessStatusCode && !VerifyAnswer(response, text))
            {
                logger.LogWarning("WeChat Pay answered {Path} without a valid signature; treated as forged", pathAndQuery);
                return PaymentsErrors.GatewayUnavailable;
            }
            return new Answer(response.StatusCode, text);
        }
    }

    private bool VerifyAnswer(HttpResponseMessage response, string body)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { WeChatPayProtocol.TimestampHeader, WeChatPayProtocol.NonceHeader, WeChatPayProtocol.SignatureHeader, WeChatPayProtocol.SerialHeader })
            if (Header(name) is { } value) headers[name] = value;
        return VerifySigned(headers, body) is null;
    }

    /// <summary>Checks the serial, the signature over timestamp, nonce and body, and the timestamp's freshness; null when all hold.</summary>
    public Error? VerifySigned(IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!headers.TryGetValue(WeChatPayProtocol.TimestampHeader, out var timestamp) || !headers.TryGetValue(WeChatPayProtocol.NonceHeader, out var nonce)
            || !headers.TryGetValue(WeChatPayProtocol.SignatureHeader, out var signature) || !headers.TryGetValue(WeChatPayProtocol.SerialHeader, out var serial))
            return PaymentsErrors.BadSignature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(serial), Encoding.UTF8.GetBytes(Options.PlatformPublicKeyId!)))
            return PaymentsErrors.UnknownSerial;
        if (signature.StartsWith(WeChatPayProtocol.ProbePrefix, StringComparison.Ordinal)
            || !GatewayKeys.VerifySha256(keys.PlatformKey, WeChatPayProtocol.ResponseMessage(timestamp, nonce, body), signature))
            return PaymentsErrors.BadSignature;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 99_999_999_999
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.Value.NotificationMaxAge)
            return PaymentsErrors.StaleNotification;
        return null;
    }
}

/// <summary>The RSA keys of <c>Payments:WeChatPay</c>, parsed once.</summary>
internal sealed class WeChatPayKeys(IOptions<PaymentsOptions> options) : IDisposable
{
    private readonly Lazy<RSA> _merchant = new(() => GatewayKeys.LoadRsa(options.Value.WeChatPay.MerchantPrivateKey!));
    private readonly Lazy<RSA> _platform = new(() => GatewayKeys.LoadRsa(options.Value.WeChatPay.PlatformPublicKey!));

    public RSA MerchantKey => _merchant.Value;
    public RSA PlatformKey => _platform.Value;

    public void Dispose()
    {
        if (_merchant.IsValueCreated) _merchant.Value.Dispose();
        if (_platform.IsValueCreated) _platform.Value.Dispose();
    }
}
