using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.Alipay;

/// <summary>Signs every gateway.do call with the app key and verifies the signature of every answer with Alipay's key.</summary>
internal sealed class AlipayClient(IHttpClientFactory clients, IOptions<PaymentsOptions> options, AlipayKeys keys, PublicAddress address,
    TimeProvider clock, ILogger<AlipayClient> logger)
{
    private AlipayOptions Options => options.Value.Alipay;

    public string GatewayUrl => Options.Simulated ? address.SimulatorUrl("alipay") + "/gateway.do" : Options.GatewayUrl;

    /// <summary>
    /// The signed gateway.do URL the payer's browser opens for page/wap pay: these are not server calls, so the whole
    /// signed request travels as a GET query (what the SDK's pageExecute with GET builds) and no answer comes back here.
    /// </summary>
    public string PayerUrl(string method, JsonObject bizContent, string notifyUrl, string? returnUrl) =>
        GatewayUrl + "?" + GatewayForms.FormBody(Signed(method, bizContent, notifyUrl, returnUrl));

    private List<KeyValuePair<string, string>> Signed(string method, JsonObject bizContent, string? notifyUrl, string? returnUrl)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["app_id"] = Options.AppId, ["method"] = method, ["format"] = "JSON", ["charset"] = "utf-8", ["sign_type"] = "RSA2",
            ["timestamp"] = AlipayProtocol.BeijingTime(clock.GetUtcNow()), ["version"] = "1.0", ["notify_url"] = notifyUrl,
            ["return_url"] = returnUrl, ["biz_content"] = bizContent.ToJsonString(),
        };
        parameters["sign"] = GatewayKeys.SignSha256(keys.AppKey, AlipayProtocol.SignContent(parameters, isNotification: false));
        return parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToList();
    }

    /// <summary>The verified answer object of <paramref name="method"/> (its code says success or not); an error when unverifiable.</summary>
    public async Task<Result<JsonNode>> CallAsync(string method, JsonObject bizContent, CancellationToken ct, string? notifyUrl = null)
    {
        var form = Signed(method, bizContent, notifyUrl, returnUrl: null);
        string raw;
        try
        {
            using var content = new StringContent(GatewayForms.FormBody(form), Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await clients.CreateClient(PublicAddress.ClientName).PostAsync(new Uri(GatewayUrl + "?charset=utf-8"), content, ct);
            raw = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Alipay did not answer {Method}: {Reason}", method, e.Message);
            return PaymentsErrors.GatewayUnavailable;
        }
        var signed = AlipayProtocol.ExtractSigned(raw, AlipayProtocol.ResponseKey(method)) ?? AlipayProtocol.ExtractSigned(raw, "error_response");
        string? sign;
        try { sign = JsonNode.Parse(raw)?["sign"]?.GetValue<string>(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { sign = null; }
        if (signed is null || !GatewayKeys.VerifySha256(keys.AlipayKey, signed, sign))
        {
            logger.LogWarning("Alipay answered {Method} without a valid signature; treated as forged", method);
            return PaymentsErrors.GatewayUnavailable;
        }
        return JsonNode.Parse(signed)!;
    }

    /// <summary>Checks a notification's signature (sign and sign_type excluded), app, seller and age; null when all hold.</summary>
    public Error? VerifyNotification(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.TryGetValue("sign", out var sign)
            || !GatewayKeys.VerifySha256(keys.AlipayKey, AlipayProtocol.SignContent(fields!, isNotification: true), sign))
            return PaymentsErrors.BadSignature;
        if (!Same(fields.GetValueOrDefault("app_id"), Options.AppId) || (fields.TryGetValue("seller_id", out var seller) && !Same(seller, Options.SellerId)))
            return PaymentsErrors.MerchantMismatch;
        if (AlipayProtocol.ParseBeijingTime(fields.GetValueOrDefault("notify_time")) is not { } at
            || (clock.GetUtcNow() - at).Duration() > Options.NotificationMaxAge)
            return PaymentsErrors.StaleNotification;
        return null;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>The RSA keys of <c>Payments:Alipay</c>, parsed once.</summary>
internal sealed class AlipayKeys(IOptions<PaymentsOptions> options) : IDisposable
{
    private readonly Lazy<RSA> _app = new(() => GatewayKeys.LoadRsa(options.Value.Alipay.AppPrivateKey!));
    private readonly Lazy<RSA> _alipay = new(() => GatewayKeys.LoadRsa(options.Value.Alipay.AlipayPublicKey!));

    public RSA AppKey => _app.Value;
    public RSA AlipayKey => _alipay.Value;

    public void Dispose()
    {
        if (_app.IsValueCreated) _app.Value.Dispose();
        if (_alipay.IsValueCreated) _alipay.Value.Dispose();
    }
}
