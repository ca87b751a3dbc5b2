using System.Globalization;
using System.Text;
using O2o.Server.Modules.Payments.UnionPay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>The simulator's HTTP face under /simulators/unionpay: gateway/api/*.do for the adapter, and the payer's side.</summary>
internal static class UnionPaySimulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/simulators/unionpay").AllowAnonymous().ExcludeFromDescription();
        sim.MapPost("/gateway/api/backTransReq.do", (HttpRequest r, UnionPaySimulator s) => Api(r, s, BackTrans));
        sim.MapPost("/gateway/api/frontTransReq.do", FrontTrans);
        sim.MapPost("/gateway/api/queryTrans.do", (HttpRequest r, UnionPaySimulator s) => Api(r, s, Query));
        sim.MapPost("/filedownload/", (HttpRequest r, UnionPaySimulator s) => Api(r, s, FileTransfer));
        sim.MapPost("/pay/{orderId}", (string orderId, bool? deliver, UnionPaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.Pay(orderId), s.Books.Find(orderId)?.NotifyUrl, deliver, ct));
        sim.MapPost("/refunds/{orderId}/complete", (string orderId, bool? deliver, UnionPaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.CompleteRefund(orderId), s.Books.FindRefund(orderId)?.NotifyUrl, deliver, ct));
    }

    private static async Task<IResult> Api(HttpRequest request, UnionPaySimulator sim, Func<UnionPaySimulator, Dictionary<string, string>, Dictionary<string, string>> handle)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var form = GatewayForms.ParseForm(await reader.ReadToEndAsync(request.HttpContext.RequestAborted)) ?? [];
        var answer = sim.RejectRequest(form) is { } code
            ? new Dictionary<string, string> { ["respCode"] = code, ["respMsg"] = "验证签名失败 signature or certificate rejected" }
            : handle(sim, form);
        foreach (var key in new[] { "txnType", "txnSubType", "bizType", "orderId", "txnTime", "accessType" })
            if (form.TryGetValue(key, out var value)) answer.TryAdd(key, value);
        return Results.Text(GatewayForms.RawBody(sim.Signed(answer)), "text/plain", Encoding.UTF8);
    }

    /// <summary>The cashier the payer's browser posts the front form to: the form is verified and the consume opened; paying is POST /pay/{orderId}.</summary>
    private static async Task<IResult> FrontTrans(HttpRequest request, UnionPaySimulator sim)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var form = GatewayForms.ParseForm(await reader.ReadToEndAsync(request.HttpContext.RequestAborted)) ?? [];
        var orderId = form.GetValueOrDefault("orderId") ?? "";
        string text;
        if (sim.RejectRequest(form) is not null) text = "验证签名失败";
        else if (form.GetValueOrDefault("txnType") != "01" || form.GetValueOrDefault("txnSubType") != "01" || form.GetValueOrDefault("bizType") != "000201"
            || form.GetValueOrDefault("channelType") is not ("07" or "08"))
            text = "交易类型错误";
        else if (!long.TryParse(form.GetValueOrDefault("txnAmt"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || orderId.Length is < 8 or > 40 || form.GetValueOrDefault("backUrl") is not { } backUrl || sim.Books.Open(orderId, amount, "CNY", backUrl) is null)
            text = "报文格式错误";
        else
        {
            sim.Remember(orderId, form);
            return Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>银联在线支付</title></head><body><p>收银台 {orderId} {amount} 分</p></body></html>",
                "text/html; charset=utf-8", Encoding.UTF8);
        }
        return Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>{text}</p></body></html>", "text/html; charset=utf-8", Encoding.UTF8, 400);
    }

    private static Dictionary<string, string> BackTrans(UnionPaySimulator sim, Dictionary<string, string> form)
    {
        var orderId = form.GetValueOrDefault("orderId") ?? "";
        if (!long.TryParse(form.GetValueOrDefault("txnAmt"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || orderId.Length is < 8 or > 40 || form.GetValueOrDefault("backUrl") is not { } backUrl)
            return Answer("30", "报文格式错误 malformed");
        sim.Remember(orderId, form);
        switch (form.GetValueOrDefault("txnType"))
        {
            case "01" when form.GetValueOrDefault("txnSubType") == "07":
                return sim.Books.Open(orderId, amount, "CNY", backUrl) is null
                    ? Answer("12", "重复交易 duplicate order with another amount")
                    : new Dictionary<string, string> { ["respCode"] = "00", ["respMsg"] = "成功[0000000]", ["qrCode"] = $"https://qr.95516.com/00010000/{orderId[..16]}", ["txnAmt"] = form["txnAmt"] };
            case "04":
                var trade = sim.Books.Trades.FirstOrDefault(t => t.TradeNo == form.GetValueOrDefault("origQryId"));
                if (trade is null) return Answer("35", "原交易不存在 original not found");
                var (refund, refusal) = sim.Books.Refund(trade.OutTradeNo, orderId, amount, backUrl, completeNow: false);
                return refund is null ? Answer(refusal == "not_paid" ? "36" : "37", "退货金额超限或原交易状态错误 refund refused")
                    : new Dictionary<string, string> { ["respCode"] = "00", ["respMsg"] = "成功[0000000]", ["queryId"] = refund.RefundNo, ["txnAmt"] = form["txnAmt"] };
            default:
                return Answer("40", "交易类型不支持 unsupported");
        }
    }

    private static Dictionary<string, string> Query(UnionPaySimulator sim, Dictionary<string, string> form)
    {
        var orderId = form.GetValueOrDefault("orderId") ?? "";
        if (sim.Books.FindRefund(orderId) is { } refund)
        {
            var refundAnswer = Answer("00", "成功[0000000]");
            refundAnswer["origRespCode"] = refund.Succeeded ? "00" : "05";
            refundAnswer["txnAmt"] = refund.Amount.ToString(CultureInfo.InvariantCulture);
            refundAnswer["queryId"] = refund.RefundNo;
            return refundAnswer;
        }
        if (sim.Books.Find(orderId) is not { } trade) return Answer("34", "查无此交易 not found");
        var original = trade.State switch { SimulatedState.Paid => "00", SimulatedState.Closed => "12", _ => "05" };
        var answer = Answer("00", "成功[0000000]");
        answer["origRespCode"] = original;
        answer["txnAmt"] = trade.Total.ToString(CultureInfo.InvariantCulture);
        if (trade.TradeNo is not null) answer["queryId"] = trade.TradeNo;
        return answer;
    }

    private static Dictionary<string, string> FileTransfer(UnionPaySimulator sim, Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("txnType") != "76" || form.GetValueOrDefault("fileType") != "00") return Answer("40", "交易类型不支持 unsupported");
        if (sim.Bill(form.GetValueOrDefault("settleDate") ?? "") is not { } bill) return Answer("30", "报文格式错误 malformed settleDate");
        var answer = Answer("00", "成功[0000000]");
        answer["fileName"] = bill.FileName;
        answer["fileContent"] = bill.Content;
        return answer;
    }

    private static Dictionary<string, string> Answer(string code, string message) => new() { ["respCode"] = code, ["respMsg"] = message };
}
