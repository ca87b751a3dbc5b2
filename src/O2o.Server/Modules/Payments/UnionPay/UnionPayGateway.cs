using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.UnionPay;

/// <summary>
/// UnionPay online gateway 5.1.0: a QR code applied for server to server (backTransReq, txnSubType 07), query by
/// orderId and txnTime, refunds against the consume's queryId, and backUrl notifications acknowledged with HTTP 200.
/// </summary>
internal sealed class UnionPayGateway(UnionPayClient client, IOptions<PaymentsOptions> options, PublicAddress address) : IPaymentGateway
{
    public const string Name = "unionpay";
    private static readonly TimeSpan PayTimeout = TimeSpan.FromMinutes(15);

    public string Method => Name;

    public bool IsAvailable => options.Value.UnionPay.IsConfigured;

    public IReadOnlyCollection<string> Scenes { get; } = [PaymentScene.Qr, PaymentScene.Page, PaymentScene.Wap];
    /// <summary>frontUrl is mandatory for front consumes (txnType 01 on frontTransReq): UnionPay rejects the form without it.</summary>
    public IReadOnlyCollection<string> ScenesNeedingReturnUrl { get; } = [PaymentScene.Page, PaymentScene.Wap];

    public async Task<Result<PaymentAction>> StartAsync(Payment payment, PaymentScene scene, CancellationToken ct)
    {
        if (scene.Kind is PaymentScene.Page or PaymentScene.Wap)
        {
            // Online gateway consume (bizType 000201): the payer's browser posts this signed form to UnionPay's cashier, so
            // nothing is sent from here; channelType 07 is a PC browser, 08 a mobile one.
            var fields = new Dictionary<string, string>
            {
                ["txnType"] = "01", ["txnSubType"] = "01", ["bizType"] = "000201", ["channelType"] = scene.Kind == PaymentScene.Page ? "07" : "08",
                ["orderId"] = PaymentNumbers.Of(payment.Id), ["txnTime"] = TxnTime(payment),
                ["txnAmt"] = payment.AmountFen.ToString(System.Globalization.CultureInfo.InvariantCulture), ["currencyCode"] = "156",
                ["backUrl"] = address.NotifyUrl(Name), ["payTimeout"] = UnionPayProtocol.BeijingTime(payment.CreatedAt + PayTimeout),
            };
            fields["frontUrl"] = scene.ReturnUrl!;
            return new PaymentAction("form", client.FrontUrl, client.Signed(fields));
        }
        var answer = await client.SendAsync("backTransReq.do", new Dictionary<string, string>
        {
            ["txnType"] = "01", ["txnSubType"] = "07", ["bizType"] = "000000", ["channelType"] = "08",
            ["orderId"] = PaymentNumbers.Of(payment.Id), ["txnTime"] = TxnTime(payment), ["txnAmt"] = payment.AmountFen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["currencyCode"] = "156", ["backUrl"] = address.NotifyUrl(Name), ["payTimeout"] = UnionPayProtocol.BeijingTime(payment.CreatedAt + PayTimeout),
        }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (!UnionPayProtocol.IsSuccess(answer.Value.GetValueOrDefault("respCode"))) return Refused(answer.Value);
        return answer.Value.TryGetValue("qrCode", out var qr) ? new PaymentAction("qr", qr) : PaymentsErrors.GatewayUnavailable;
    }

    public async Task<Result<GatewayTrade>> QueryAsync(Payment payment, CancellationToken ct)
    {
        var answer = await QueryTransAsync(PaymentNumbers.Of(payment.Id), TxnTime(payment), ct);
        if (!answer.IsSuccess) return answer.Error!;
        var found = answer.Value;
        if (found.GetValueOrDefault("respCode") == "34") return new GatewayTrade(TradeState.Pending, null, 0, null);
        if (!UnionPayProtocol.IsSuccess(found.GetValueOrDefault("respCode"))) return Refused(found);
        var original = found.GetValueOrDefault("origRespCode");
        var state = UnionPayProtocol.IsSuccess(original) ? TradeState.Paid : UnionPayProtocol.IsUnknown(original) ? TradeState.Pending : TradeState.Closed;
        return new GatewayTrade(state, found.GetValueOrDefault("queryId"), long.TryParse(found.GetValueOrDefault("txnAmt"), out var fen) ? fen : 0, null);
    }

    public async Task<Result<RefundState>> QueryRefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var answer = await QueryTransAsync(PaymentNumbers.Of(refund.Id), UnionPayProtocol.BeijingTime(refund.CreatedAt), ct);
        if (!answer.IsSuccess) return answer.Error!;
        var code = answer.Value.GetValueOrDefault("respCode");
        if (code == "34") return RefundState.Failed;
        if (!UnionPayProtocol.IsSuccess(code)) return Refused(answer.Value);
        var original = answer.Value.GetValueOrDefault("origRespCode");
        return UnionPayProtocol.IsSuccess(original) ? RefundState.Succeeded : UnionPayProtocol.IsUnknown(original) ? RefundState.Processing : RefundState.Failed;
    }

    private Task<Result<Dictionary<string, string>>> QueryTransAsync(string orderId, string txnTime, CancellationToken ct) =>
        client.SendAsync("queryTrans.do", new Dictionary<string, string>
        {
            ["txnType"] = "00", ["txnSubType"] = "00", ["bizType"] = "000000", ["orderId"] = orderId, ["txnTime"] = txnTime,
        }, ct);

    /// <summary>An unpaid UnionPay QR code cannot be closed; it lapses at its payTimeout, which is the order's.</summary>
    public Task<Error?> CloseAsync(Payment payment, CancellationToken ct) => Task.FromResult<Error?>(null);

    public async Task<Result<RefundState>> RefundAsync(Payment payment, Refund refund, CancellationToken ct)
    {
        var answer = await client.SendAsync("backTransReq.do", new Dictionary<string, string>
        {
            ["txnType"] = "04", ["txnSubType"] = "00", ["bizType"] = "000201", ["channelType"] = "07",
            ["orderId"] = PaymentNumbers.Of(refund.Id), ["origQryId"] = payment.GatewayTradeNo ?? "", ["txnTime"] = UnionPayProtocol.BeijingTime(refund.CreatedAt),
            ["txnAmt"] = refund.AmountFen.ToString(System.Globalization.CultureInfo.InvariantCulture), ["backUrl"] = address.NotifyUrl(Name),
            // Echoed in the refund's notification, which otherwise names only the refund.
            ["reqReserved"] = PaymentNumbers.Of(payment.Id),
        }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        var code = answer.Value.GetValueOrDefault("respCode");
        if (UnionPayProtocol.IsSuccess(code) || UnionPayProtocol.IsUnknown(code)) return RefundState.Processing;
        return Refused(answer.Value);
    }

    public Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body)
    {
        var fields = GatewayForms.ParseForm(body);
        if (fields is null) return PaymentsErrors.MalformedNotification;
        if (client.Verify(fields) is { } rejected) return rejected;
        if (!client.IsFresh(fields.GetValueOrDefault("txnTime"))) return PaymentsErrors.StaleNotification;
        if (!long.TryParse(fields.GetValueOrDefault("txnAmt"), out var amount) || fields.GetValueOrDefault("currencyCode") is not (null or "156"))
            return PaymentsErrors.MalformedNotification;
        var succeeded = UnionPayProtocol.IsSuccess(fields.GetValueOrDefault("respCode"));
        var at = UnionPayProtocol.ParseBeijingTime(fields.GetValueOrDefault("txnTime")) ?? DateTimeOffset.UnixEpoch;
        var queryId = fields.GetValueOrDefault("queryId") ?? "";
        return fields.GetValueOrDefault("txnType") switch
        {
            "01" => new GatewayNotice(PaymentNumbers.Parse(fields.GetValueOrDefault("orderId")), queryId, amount, "CNY", succeeded, at),
            "04" => new GatewayNotice(PaymentNumbers.Parse(fields.GetValueOrDefault("reqReserved")), queryId, amount, "CNY", succeeded, at)
            {
                RefundId = PaymentNumbers.Parse(fields.GetValueOrDefault("orderId")),
            },
            _ => PaymentsErrors.MalformedNotification,
        };
    }

    /// <summary>UnionPay wants HTTP 200 for a notification it may stop sending; anything else makes it retry.</summary>
    public IResult Acknowledge(int status, string outcome) => Results.Text(status == 200 ? "ok" : "fail", "text/plain", statusCode: status);

    /// <summary>The consume's txnTime, in Beijing time, derived from the payment so a query can name it again.</summary>
    private static string TxnTime(Payment payment) => UnionPayProtocol.BeijingTime(payment.CreatedAt);

    private static Error Refused(IReadOnlyDictionary<string, string> answer) =>
        PaymentsErrors.GatewayRefused($"respCode {answer.GetValueOrDefault("respCode")} {answer.GetValueOrDefault("respMsg")}");
}
