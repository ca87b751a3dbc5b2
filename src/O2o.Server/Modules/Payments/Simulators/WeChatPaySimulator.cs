using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments.WeChatPay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// A local WeChat Pay API v3: it verifies our signed requests with the merchant's public key, keeps trades and refunds
/// in memory, signs its answers with its own platform key and sends encrypted, signed notifications to the notify_url.
/// </summary>
internal sealed class WeChatPaySimulator(IOptions<PaymentsOptions> options, SimulatorKeys keys, TimeProvider clock) : IDisposable
{
    public SimulatedTrades Books { get; } = new(clock, "42000", "50300");
    private readonly Lazy<RSA> _platformKey = new(() => GatewayKeys.LoadRsa(keys.WeChatPlatformPrivateKey));
    private readonly Lazy<RSA> _merchantPublic = new(() => GatewayKeys.PublicOf(options.Value.WeChatPay.MerchantPrivateKey!));

    public WeChatPayOptions Merchant => options.Value.WeChatPay;
    public bool IsEnabled => Merchant.Simulated;

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

    /// <summary>Checks a JSAPI payment's arguments as WeChat's client does; null when paySign verifies with the merchant key.</summary>
    public string? RejectPaySign(string? appId, string? timeStamp, string? nonceStr, string? package, string? signType, string? paySign)
    {
        if (!IsEnabled) return "simulator disabled";
        if (appId is null || appId != Merchant.AppId || signType != "RSA" || timeStamp is null || nonceStr is null || paySign is null
            || package is not { Length: > 12 } || !package.StartsWith("prepay_id=wx", StringComparison.Ordinal))
            return "appId, timeStamp, nonceStr, package, signType RSA and paySign are required";
        return GatewayKeys.VerifySha256(_merchantPublic.Value, WeChatPayProtocol.PaySignMessage(appId, timeStamp, nonceStr, package), paySign)
            ? null : "paySign does not verify";
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

    /// <summary>The payer pays: the trade succeeds (once) and its notification is built.</summary>
    public SimulatorNotification? Pay(string outTradeNo) =>
        Books.Pay(outTradeNo) is { } trade ? Notify("TRANSACTION.SUCCESS", "transaction", TransactionJson(trade), "支付成功") : null;

    public static string TradeState(SimulatedTrade t) => t.State switch
    {
        SimulatedState.Paid => t.Refunded > 0 ? "REFUND" : "SUCCESS",
        SimulatedState.Closed => "CLOSED",
        _ => "NOTPAY",
    };

    public JsonObject TransactionJson(SimulatedTrade t) => new()
    {
        ["appid"] = Merchant.AppId, ["mchid"] = Merchant.MchId, ["out_trade_no"] = t.OutTradeNo, ["transaction_id"] = t.TradeNo,
        ["trade_type"] = t.Product ?? "NATIVE", ["trade_state"] = TradeState(t), ["trade_state_desc"] = t.State == SimulatedState.Paid ? "支付成功" : "未支付",
        ["bank_type"] = "OTHERS", ["attach"] = "", ["success_time"] = t.PaidAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["payer"] = new JsonObject { ["openid"] = "oSimulatedPayer000000000000" },
        ["amount"] = new JsonObject { ["total"] = t.Total, ["payer_total"] = t.Total, ["currency"] = t.Currency, ["payer_currency"] = t.Currency },
    };

    /// <summary>The refund reaches the payer: it succeeds (once) and its notification is built.</summary>
    public SimulatorNotification? CompleteRefund(string outRefundNo)
    {
        if (Books.CompleteRefund(outRefundNo) is not { } refund || Books.Find(refund.OutTradeNo) is not { } trade) return null;
        var resource = new JsonObject
        {
            ["mchid"] = Merchant.MchId, ["out_trade_no"] = refund.OutTradeNo, ["transaction_id"] = trade.TradeNo,
            ["out_refund_no"] = refund.OutRefundNo, ["refund_id"] = refund.RefundNo, ["refund_status"] = "SUCCESS",
            ["success_time"] = refund.SucceededAt!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["user_received_account"] = "支付用户零钱",
            ["amount"] = new JsonObject { ["total"] = trade.Total, ["refund"] = refund.Amount, ["payer_total"] = trade.Total, ["payer_refund"] = refund.Amount },
        };
        return Notify("REFUND.SUCCESS", "refund", resource, "退款成功");
    }

    public SimulatorNotification Notify(string eventType, string originalType, JsonObject resource, string summary)
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
        return new SimulatorNotification(Sign(body), body, "application/json");
    }

    /// <summary>The trade bill of one Beijing day, in WeChat's CSV format.</summary>
    public string Bill(DateOnly day)
    {
        static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        bool OnDay(DateTimeOffset? at) => at is { } t && DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(8)).DateTime) == day;
        var payments = Books.Trades.Where(t => t.State == SimulatedState.Paid && OnDay(t.PaidAt))
            .Select(t => (Local(t.PaidAt!.Value), Merchant.AppId!, Merchant.MchId!, t.TradeNo!, t.OutTradeNo, "SUCCESS", t.Total, "", "", 0L));
        var refunds = Books.Refunds.Where(r => r.Succeeded && OnDay(r.SucceededAt)).Select(r => (r, t: Books.Find(r.OutTradeNo)!))
            .Select(x => (Local(x.r.SucceededAt!.Value), Merchant.AppId!, Merchant.MchId!, x.t.TradeNo!, x.t.OutTradeNo, "REFUND", x.t.Total, x.r.RefundNo, x.r.OutRefundNo, x.r.Amount));
        return WeChatPayBills.Write(payments.Concat(refunds).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (_platformKey.IsValueCreated) _platformKey.Value.Dispose();
        if (_merchantPublic.IsValueCreated) _merchantPublic.Value.Dispose();
    }
}
