using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.Alipay;

/// <summary>Alipay OpenAPI (RSA2): precreate (QR), page and wap pay (browser redirect), query, close, refund, and trade_status_sync notifications.</summary>
internal sealed class AlipayGateway(AlipayClient client, IOptions<PaymentsOptions> options, PublicAddress address) : IPaymentGateway
{
    public const string Name = "alipay";

    public string Method => Name;

    public bool IsAvailable => options.Value.Alipay.IsConfigured;

    public IReadOnlyCollection<string> Scenes { get; } = [PaymentScene.Qr, PaymentScene.Page, PaymentScene.Wap];

    public async Task<Result<PaymentAction>> StartAsync(Payment payment, PaymentScene scene, CancellationToken ct)
    {
        if (scene.Kind is PaymentScene.Page or PaymentScene.Wap)
        {
            // The payer's browser carries the order to Alipay; Alipay learns of the trade only when the URL is opened.
            var biz = new JsonObject
            {
                ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["total_amount"] = AlipayProtocol.Yuan(payment.AmountFen),
                ["subject"] = $"O2O order {payment.OrderId.ToString("N")[..12]}",
                ["product_code"] = scene.Kind == PaymentScene.Page ? "FAST_INSTANT_TRADE_PAY" : "QUICK_WAP_WAY",
            };
            if (scene.Kind == PaymentScene.Wap && scene.ReturnUrl is not null) biz["quit_url"] = scene.ReturnUrl;
            var method = scene.Kind == PaymentScene.Page ? "alipay.trade.page.pay" : "alipay.trade.wap.pay";
            return new PaymentAction("redirect", client.PayerUrl(method, biz, address.NotifyUrl(Name), scene.ReturnUrl));
        }
        var answer = await client.CallAsync("alipay.trade.precreate", new JsonObject
        {
            ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["total_amount"] = AlipayProtocol.Yuan(payment.AmountFen),
            ["subject"] = $"O2O order {payment.OrderId.ToString("N")[..12]}",
        }, ct, address.NotifyUrl(Name));
        if (!answer.IsSuccess) return answer.Error!;
        if (Code(answer.Value) != "10000") return Refused(answer.Value);
        return answer.Value["qr_code"]?.GetValue<string>() is { } qr ? new PaymentAction("qr", qr) : PaymentsErrors.GatewayUnavailable;
    }

    public async Task<Result<GatewayTrade>> QueryAsync(Payment payment, CancellationToken ct)
    {
        var answer = await client.CallAsync("alipay.trade.query", new JsonObject { ["out_trade_no"] = PaymentNumbers.Of(payment.Id) }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        var trade = answer.Value;
        // A precreated QR code nobody scanned yet is not a trade at Alipay: not paid, and still payable.
        if (trade["sub_code"]?.GetValue<string>() == "ACQ.TRADE_NOT_EXIST") return new GatewayTrade(TradeState.Pending, null, 0, null);
        if (Code(trade) != "10000") return Refused(trade);
        var state = trade["trade_status"]?.GetValue<string>() switch
        {
            "TRADE_SUCCESS" or "TRADE_FINISHED" => TradeState.Paid,
            "TRADE_CLOSED" => TradeState.Closed,
            _ => TradeState.Pending,
        };
        return new GatewayTrade(state, trade["trade_no"]?.GetValue<string>(), AlipayProtocol.Fen(trade["total_amount"]?.GetValue<string>()) ?? 0,
            AlipayProtocol.ParseBeijingTime(trade["send_pay_date"]?.GetValue<string>()));
    }

    public async Task<Error?> CloseAsync(Payment payment, CancellationToken ct)
    {
        var answer = await client.CallAsync("alipay.trade.close", new JsonObject { ["out_trade_no"] = PaymentNumbers.Of(payment.Id) }, ct);
        if (!answer.IsSuccess) return answer.Error;
        return Code(answer.Value) == "10000" || answer.Value["sub_code"]?.GetValue<string>() == "ACQ.TRADE_NOT_EXIST" ? null : Refused(answer.Value);
    }

    /// <summary>Alipay refunds synchronously; out_request_no is the idempotency key, so a retry refunds once.</summary>
    public async Task<Result<RefundState>> RefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var answer = await client.CallAsync("alipay.trade.refund", new JsonObject
        {
            ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["refund_amount"] = AlipayProtocol.Yuan(refund.AmountFen),
            ["out_request_no"] = PaymentNumbers.Of(refund.Id), ["refund_reason"] = refund.Reason,
        }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (Code(answer.Value) != "10000") return Code(answer.Value) == "20000" ? PaymentsErrors.GatewayUnavailable : Refused(answer.Value);
        return RefundState.Succeeded;
    }

    public async Task<Result<RefundState>> QueryRefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var answer = await client.CallAsync("alipay.trade.fastpay.refund.query", new JsonObject
        {
            ["out_trade_no"] = PaymentNumbers.Of(payment.Id), ["out_request_no"] = PaymentNumbers.Of(refund.Id),
        }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (Code(answer.Value) != "10000") return Refused(answer.Value);
        // No refund_status means Alipay has no such refund: the request never took effect.
        return answer.Value["refund_status"]?.GetValue<string>() == "REFUND_SUCCESS" ? RefundState.Succeeded : RefundState.Failed;
    }

    public Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body)
    {
        var fields = GatewayForms.ParseForm(body);
        if (fields is null) return PaymentsErrors.MalformedNotification;
        if (client.VerifyNotification(fields) is { } rejected) return rejected;
        var paymentId = PaymentNumbers.Parse(fields.GetValueOrDefault("out_trade_no"));
        var status = fields.GetValueOrDefault("trade_status");
        var at = AlipayProtocol.ParseBeijingTime(fields.GetValueOrDefault("gmt_payment")) ?? DateTimeOffset.UnixEpoch;
        var tradeNo = fields.GetValueOrDefault("trade_no") ?? "";
        if (fields.TryGetValue("out_biz_no", out var refundNo) && fields.ContainsKey("refund_fee"))
        {
            // A refund's notice names its out_request_no as out_biz_no; refund_fee is the total refunded so far.
            if (AlipayProtocol.Fen(fields["refund_fee"]) is not { } refunded) return PaymentsErrors.MalformedNotification;
            return new GatewayNotice(paymentId, tradeNo, refunded, "CNY", true, AlipayProtocol.ParseBeijingTime(fields.GetValueOrDefault("gmt_refund")) ?? at)
            {
                RefundId = PaymentNumbers.Parse(refundNo), RefundAmountIsCumulative = true,
            };
        }
        if (AlipayProtocol.Fen(fields.GetValueOrDefault("total_amount")) is not { } total || status is null) return PaymentsErrors.MalformedNotification;
        return new GatewayNotice(paymentId, tradeNo, total, "CNY", status is "TRADE_SUCCESS" or "TRADE_FINISHED", at);
    }

    /// <summary>Alipay counts exactly the seven characters "success" as received; anything else makes it retry.</summary>
    public IResult Acknowledge(int status, string outcome) =>
        Results.Text(status == 200 ? "success" : "fail", "text/plain", statusCode: status == 200 ? 200 : status);

    private static string? Code(JsonNode answer) => answer["code"]?.GetValue<string>();

    private static Error Refused(JsonNode answer) =>
        PaymentsErrors.GatewayRefused($"{Code(answer)} {answer["sub_code"]?.GetValue<string>()}");
}
