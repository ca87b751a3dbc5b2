using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>WeChat Pay API v3, direct-merchant mode: Native (QR), JSAPI and H5 orders, query, close, refund and notifications.</summary>
internal sealed class WeChatPayGateway(WeChatPayClient client, WeChatPayKeys keys, IOptions<PaymentsOptions> options, PublicAddress address, TimeProvider clock) : IPaymentGateway
{
    public const string Name = "wechatpay";

    private WeChatPayOptions Options => options.Value.WeChatPay;

    public string Method => Name;

    public bool IsAvailable => Options.IsConfigured;

    public IReadOnlyCollection<string> Scenes { get; } = [PaymentScene.Qr, PaymentScene.Jsapi, PaymentScene.H5];

    public async Task<Result<PaymentAction>> StartAsync(Payment payment, PaymentScene scene, CancellationToken ct)
    {
        var body = WeChatPayProducts.Complete(new JsonObject
        {
            ["appid"] = Options.AppId, ["mchid"] = Options.MchId, ["description"] = $"O2O order {payment.OrderId.ToString("N")[..12]}",
            ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["notify_url"] = address.NotifyUrl(Name),
            ["amount"] = new JsonObject { ["total"] = payment.AmountFen, ["currency"] = payment.Currency },
        }, scene).ToJsonString();
        var answer = await client.SendAsync(HttpMethod.Post, WeChatPayProducts.Path(scene), body, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (answer.Value.Status != HttpStatusCode.OK) return Refused(answer.Value);
        var answered = Parse(answer.Value.Body);
        return scene.Kind switch
        {
            PaymentScene.Jsapi => answered?["prepay_id"]?.GetValue<string>() is { } prepayId
                ? WeChatPayProducts.Jsapi(Options.AppId!, prepayId, clock.GetUtcNow(), message => GatewayKeys.SignSha256(keys.MerchantKey, message))
                : PaymentsErrors.GatewayUnavailable,
            PaymentScene.H5 => answered?["h5_url"]?.GetValue<string>() is { } h5Url ? WeChatPayProducts.H5(h5Url, scene.ReturnUrl) : PaymentsErrors.GatewayUnavailable,
            _ => answered?["code_url"]?.GetValue<string>() is { } codeUrl ? new PaymentAction("qr", codeUrl) : PaymentsErrors.GatewayUnavailable,
        };
    }

    public async Task<Result<GatewayTrade>> QueryAsync(Payment payment, CancellationToken ct)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{PaymentNumbers.Of(payment.Id)}?mchid={Options.MchId}", null, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (answer.Value.Status == HttpStatusCode.NotFound) return new GatewayTrade(TradeState.Closed, null, 0, null);
        if (answer.Value.Status != HttpStatusCode.OK) return Refused(answer.Value);
        var trade = Parse(answer.Value.Body);
        if (trade is null || trade["mchid"]?.GetValue<string>() != Options.MchId) return PaymentsErrors.GatewayUnavailable;
        var state = trade["trade_state"]?.GetValue<string>() switch
        {
            "SUCCESS" or "REFUND" => TradeState.Paid,
            "CLOSED" or "REVOKED" or "PAYERROR" => TradeState.Closed,
            _ => TradeState.Pending,
        };
        return new GatewayTrade(state, trade["transaction_id"]?.GetValue<string>(), trade["amount"]?["total"]?.GetValue<long>() ?? 0,
            ParseTime(trade["success_time"]?.GetValue<string>()));
    }

    public async Task<Error?> CloseAsync(Payment payment, CancellationToken ct)
    {
        var body = new JsonObject { ["mchid"] = Options.MchId }.ToJsonString();
        var answer = await client.SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{PaymentNumbers.Of(payment.Id)}/close", body, ct);
        if (!answer.IsSuccess) return answer.Error;
        return answer.Value.Status == HttpStatusCode.NoContent ? null : Refused(answer.Value);
    }

    public async Task<Result<RefundState>> RefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["out_refund_no"] = PaymentNumbers.Of(refund.Id), ["reason"] = refund.Reason,
            ["notify_url"] = address.NotifyUrl(Name),
            ["amount"] = new JsonObject { ["refund"] = refund.AmountFen, ["total"] = payment.AmountFen, ["currency"] = payment.Currency },
        }.ToJsonString();
        var answer = await client.SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", body, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (answer.Value.Status != HttpStatusCode.OK) return Refused(answer.Value);
        return Parse(answer.Value.Body)?["status"]?.GetValue<string>() switch
        {
            "SUCCESS" => RefundState.Succeeded,
            "PROCESSING" => RefundState.Processing,
            _ => PaymentsErrors.GatewayRefused("the refund was closed or is abnormal"),
        };
    }

    public async Task<Result<RefundState>> QueryRefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/refund/domestic/refunds/{PaymentNumbers.Of(refund.Id)}", null, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (answer.Value.Status != HttpStatusCode.OK) return Refused(answer.Value);
        return Parse(answer.Value.Body)?["status"]?.GetValue<string>() switch
        {
            "SUCCESS" => RefundState.Succeeded,
            "CLOSED" => RefundState.Failed,
            _ => RefundState.Processing,
        };
    }

    public Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body)
    {
        if (client.VerifySigned(headers, body) is { } rejected) return rejected;
        var envelope = Parse(body);
        var resource = envelope?["resource"];
        if (envelope?["event_type"]?.GetValue<string>() is not { } eventType || resource is null
            || resource["algorithm"]?.GetValue<string>() != "AEAD_AES_256_GCM"
            || resource["ciphertext"]?.GetValue<string>() is not { } ciphertext || resource["nonce"]?.GetValue<string>() is not { } nonce)
            return PaymentsErrors.MalformedNotification;
        var plain = WeChatPayProtocol.Decrypt(Options.ApiV3Key!, nonce, resource["associated_data"]?.GetValue<string>() ?? "", ciphertext);
        if (plain is null) return PaymentsErrors.UndecryptableNotification;
        Result<GatewayNotice> notice;
        try
        {
            notice = eventType.StartsWith("REFUND.", StringComparison.Ordinal) ? RefundNotice(eventType, plain) : PaymentNotice(plain);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException) { return PaymentsErrors.MalformedNotification; }
        // Correctly signed but for another merchant: never ours to apply.
        return notice.IsSuccess && notice.Value.Merchant != Options.MchId ? PaymentsErrors.MerchantMismatch : notice;
    }

    private static Result<GatewayNotice> PaymentNotice(string plain)
    {
        var t = JsonNode.Parse(plain)!;
        return new GatewayNotice(PaymentNumbers.Parse(t["out_trade_no"]!.GetValue<string>()), t["transaction_id"]!.GetValue<string>(), t["amount"]!["total"]!.GetValue<long>(),
            t["amount"]!["currency"]?.GetValue<string>() ?? "CNY", t["trade_state"]?.GetValue<string>() == "SUCCESS",
            ParseTime(t["success_time"]?.GetValue<string>()) ?? DateTimeOffset.UnixEpoch) { Merchant = t["mchid"]?.GetValue<string>() };
    }

    private static Result<GatewayNotice> RefundNotice(string eventType, string plain)
    {
        var r = JsonNode.Parse(plain)!;
        return new GatewayNotice(PaymentNumbers.Parse(r["out_trade_no"]!.GetValue<string>()), r["refund_id"]!.GetValue<string>(), r["amount"]!["refund"]!.GetValue<long>(), "CNY",
            eventType == "REFUND.SUCCESS" && r["refund_status"]?.GetValue<string>() == "SUCCESS",
            ParseTime(r["success_time"]?.GetValue<string>()) ?? DateTimeOffset.UnixEpoch) { RefundId = PaymentNumbers.Parse(r["out_refund_no"]!.GetValue<string>()), Merchant = r["mchid"]?.GetValue<string>() };
    }

    /// <summary>WeChat counts 200/204 as received; any other status with FAIL makes it retry.</summary>
    public IResult Acknowledge(int status, string outcome) => status == 200
        ? Results.Json(new { code = "SUCCESS", message = "成功" }, statusCode: 200)
        : Results.Json(new { code = "FAIL", message = "失败" }, statusCode: status >= 500 ? 500 : status);

    private static Error Refused(WeChatPayClient.Answer answer) =>
        PaymentsErrors.GatewayRefused($"{(int)answer.Status} {Parse(answer.Body)?["code"]?.GetValue<string>() ?? "no code"}");

    private static JsonNode? Parse(string body)
    {
        try { return JsonNode.Parse(body); }
        catch (JsonException) { return null; }
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
}
