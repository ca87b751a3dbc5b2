using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments.WeChatPay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// A local WeChat Pay API v3: it verifies our signed requests with the merchant's public key, keeps trades and refunds
/// in memory, signs its answers with its own platform key and sends encrypted, signed notifications to the notify_url.
/// </summary>
internal sealed class WeChatPaySimulator(IOptions<PaymentsOptions> options, SimulatorKeys keys, IHttpClientFactory clients, TimeProvider clock) : IDisposable
{
    internal sealed class Trade
    {
        public required string OutTradeNo { get; init; }
        public required string NotifyUrl { get; init; }
        public long Total { get; init; }
        public required string Currency { get; init; }
        public string State { get; set; } = "NOTPAY";
        public string? TransactionId { get; set; }
        public DateTimeOffset? SuccessTime { get; set; }
        public long Refunded { get; set; }
    }

    internal sealed record RefundRecord(string OutRefundNo, string RefundId, string OutTradeNo, long Amount, string NotifyUrl)
    {
        public string Status { get; set; } = "PROCESSING";
        public DateTimeOffset? SuccessTime { get; set; }
    }

    public sealed record Notification(Dictionary<string, string> Headers, string Body);

    private readonly ConcurrentDictionary<string, Trade> _trades = new();
    private readonly ConcurrentDictionary<string, RefundRecord> _refunds = new();
    private readonly Lazy<RSA> _platformKey = new(() => GatewayKeys.LoadRsa(keys.WeChatPlatformPrivateKey));
    private readonly Lazy<RSA> _merchantPublic = new(() =>
    {
        using var merchant = GatewayKeys.LoadRsa(options.Value.WeChatPay.MerchantPrivateKey!);
        return GatewayKeys.LoadRsa(merchant.ExportSubjectPublicKeyInfoPem());
    });

    public WeChatPayOptions Merchant => options.Value.WeChatPay;
    public bool IsEnabled => Merchant.Simulated;
    public IReadOnlyCollection<Trade> Trades => _trades.Values.ToList();
    public IReadOnlyCollection<RefundRecord> Refunds => _refunds.Values.ToList();

    /// <summary>Checks the Authorization header exactly as WeChat does; null when the request is ours and fresh.</summary>
    public string? RejectRequest(string method, string canonicalUrl, string? authorization, string body)
    {
        var auth = WeChatPayProtocol.ParseAuthorization(authorization);
        if (auth is null || !auth.TryGetValue("mchid", out var mchId) || !auth.TryGetValue("nonce_str", out var nonce)
            || !auth.TryGetValue("signature", out var signature) || !auth.TryGetValue("timestamp", out var timestamp) || !auth.TryGetValue("serial_no", out var serial))
            return "Authorization header missing or malformed";
        if (mchId != Merchant.MchId || serial != Merchant.MerchantSerialNo) return "unknown merchant or certificate serial";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 99_999_999_999
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > 300)
            return "timestamp too far from the server clock";
        var message = WeChatPayProtocol.RequestMessage(method, canonicalUrl, seconds, nonce, body);
        return GatewayKeys.VerifySha256(_merchantPublic.Value, message, signature) ? null : "signature does not verify";
    }

    /// <summary>The Wechatpay-* headers of an answer or notification: the platform key signs timestamp, nonce and body.</summary>
    public Dictionary<string, string> Sign(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPayProtocol.NewNonce();
        return new Dictionary<string, string>
        {
            [WeChatPayProtocol.TimestampHeader] = timestamp, [WeChatPayProtocol.NonceHeader] = nonce,
            [WeChatPayProtocol.SignatureHeader] = GatewayKeys.SignSha256(_platformKey.Value, WeChatPayProtocol.ResponseMessage(timestamp, nonce, body)),
            [WeChatPayProtocol.SerialHeader] = SimulatorKeys.WeChatPlatformKeyId,
            ["Wechatpay-Signature-Type"] = WeChatPayProtocol.Scheme,
        };
    }

    public Trade Open(string outTradeNo, long total, string currency, string notifyUrl) =>
        _trades.GetOrAdd(outTradeNo, no => new Trade { OutTradeNo = no, Total = total, Currency = currency, NotifyUrl = notifyUrl });

    public Trade? Find(string outTradeNo) => _trades.GetValueOrDefault(outTradeNo);

    public static bool Close(Trade trade)
    {
        lock (trade)
        {
            if (trade.State is not ("NOTPAY" or "CLOSED")) return false;
            trade.State = "CLOSED";
            return true;
        }
    }

    /// <summary>The payer pays: the trade succeeds (once) and its notification is built.</summary>
    public Notification? Pay(string outTradeNo)
    {
        if (Find(outTradeNo) is not { } trade) return null;
        lock (trade)
        {
            if (trade.State == "NOTPAY")
            {
                trade.State = "SUCCESS";
                trade.TransactionId = "42000" + RandomNumberGenerator.GetString("0123456789", 23);
                trade.SuccessTime = clock.GetUtcNow();
            }
        }
        return trade.State is "SUCCESS" or "REFUND" ? Notify("TRANSACTION.SUCCESS", "transaction", TransactionJson(trade), "支付成功") : null;
    }

    public JsonObject TransactionJson(Trade t) => new()
    {
        ["appid"] = Merchant.AppId, ["mchid"] = Merchant.MchId, ["out_trade_no"] = t.OutTradeNo, ["transaction_id"] = t.TransactionId,
        ["trade_type"] = "NATIVE", ["trade_state"] = t.State, ["trade_state_desc"] = t.State == "SUCCESS" ? "支付成功" : "未支付",
        ["bank_type"] = "OTHERS", ["attach"] = "", ["success_time"] = t.SuccessTime?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["payer"] = new JsonObject { ["openid"] = "oSimulatedPayer000000000000" },
        ["amount"] = new JsonObject { ["total"] = t.Total, ["payer_total"] = t.Total, ["currency"] = t.Currency, ["payer_currency"] = t.Currency },
    };

    /// <summary>Accepts a refund (one per out_refund_no, never more than is left); null with the reason when refused.</summary>
    public (RefundRecord? Refund, string? Refusal) Refund(string outTradeNo, string outRefundNo, long amount, string notifyUrl)
    {
        if (_refunds.TryGetValue(outRefundNo, out var existing)) return (existing, null);
        if (Find(outTradeNo) is not { } trade) return (null, "RESOURCE_NOT_EXISTS");
        lock (trade)
        {
            if (trade.State is not ("SUCCESS" or "REFUND")) return (null, "TRADE_NOT_PAID");
            if (amount <= 0 || trade.Refunded + amount > trade.Total) return (null, "NOT_ENOUGH");
            trade.Refunded += amount;
            trade.State = "REFUND";
            var refund = new RefundRecord(outRefundNo, "50300" + RandomNumberGenerator.GetString("0123456789", 24), outTradeNo, amount, notifyUrl);
            return (_refunds.GetOrAdd(outRefundNo, refund), null);
        }
    }

    /// <summary>The refund reaches the payer: it succeeds (once) and its notification is built.</summary>
    public Notification? CompleteRefund(string outRefundNo)
    {
        if (!_refunds.TryGetValue(outRefundNo, out var refund) || Find(refund.OutTradeNo) is not { } trade) return null;
        lock (trade)
        {
            refund.Status = "SUCCESS";
            refund.SuccessTime ??= clock.GetUtcNow();
        }
        var resource = new JsonObject
        {
            ["mchid"] = Merchant.MchId, ["out_trade_no"] = refund.OutTradeNo, ["transaction_id"] = trade.TransactionId,
            ["out_refund_no"] = refund.OutRefundNo, ["refund_id"] = refund.RefundId, ["refund_status"] = "SUCCESS",
            ["success_time"] = refund.SuccessTime.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["user_received_account"] = "支付用户零钱",
            ["amount"] = new JsonObject { ["total"] = trade.Total, ["refund"] = refund.Amount, ["payer_total"] = trade.Total, ["payer_refund"] = refund.Amount },
        };
        return Notify("REFUND.SUCCESS", "refund", resource, "退款成功");
    }

    public Notification Notify(string eventType, string originalType, JsonObject resource, string summary)
    {
        var nonce = GatewayKeys.RandomAlphanumeric(12);
        var body = new JsonObject
        {
            ["id"] = "EV-" + Guid.NewGuid().ToString("N")[..20], ["create_time"] = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["resource_type"] = "encrypt-resource", ["event_type"] = eventType, ["summary"] = summary,
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType, ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = WeChatPayProtocol.Encrypt(Merchant.ApiV3Key!, nonce, originalType, resource.ToJsonString()),
                ["associated_data"] = originalType, ["nonce"] = nonce,
            },
        }.ToJsonString();
        return new Notification(Sign(body), body);
    }

    /// <summary>Posts a notification to the merchant's notify_url, as WeChat does; the merchant's HTTP status.</summary>
    public async Task<int> DeliverAsync(string notifyUrl, Notification notification, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(notifyUrl)) { Content = new StringContent(notification.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in notification.Headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await clients.CreateClient(PublicAddress.ClientName).SendAsync(request, ct);
        return (int)response.StatusCode;
    }

    public void Dispose()
    {
        if (_platformKey.IsValueCreated) _platformKey.Value.Dispose();
        if (_merchantPublic.IsValueCreated) _merchantPublic.Value.Dispose();
    }
}
