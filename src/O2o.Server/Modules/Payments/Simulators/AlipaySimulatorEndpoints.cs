using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using O2o.Server.Modules.Payments.Alipay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>The simulator's HTTP face under /simulators/alipay: gateway.do for the adapter, and the payer's side for tests and the demo.</summary>
internal static class AlipaySimulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/simulators/alipay").AllowAnonymous().ExcludeFromDescription();
        sim.MapPost("/gateway.do", GatewayDo);
        sim.MapGet("/gateway.do", Cashier);
        sim.MapGet("/bills/{day}.zip", (string day, AlipaySimulator s) =>
            s.IsEnabled && DateOnly.TryParseExact(day, "yyyyMMdd", out var d) ? Results.File(s.Bill(d), "application/zip") : Results.NotFound());
        sim.MapPost("/pay/{no}", (string no, bool? deliver, AlipaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.Pay(no), s.Books.Find(no)?.NotifyUrl, deliver, ct));
        sim.MapPost("/finish/{no}", (string no, bool? deliver, AlipaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.Finish(no), s.Books.Find(no)?.NotifyUrl, deliver, ct));
        sim.MapPost("/refunds/{no}/notify", (string no, bool? deliver, AlipaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.RefundNotification(no), s.Books.FindRefund(no) is { } r ? s.Books.Find(r.OutTradeNo)?.NotifyUrl : null, deliver, ct));
    }

    private static async Task<IResult> GatewayDo(HttpRequest request, AlipaySimulator sim, PublicAddress address)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var form = GatewayForms.ParseForm(await reader.ReadToEndAsync(request.HttpContext.RequestAborted)) ?? [];
        var method = form.GetValueOrDefault("method") ?? "error";
        JsonObject answer;
        if (sim.RejectRequest(form) is { } refusal) answer = Failure("40002", "Invalid Arguments", refusal);
        else
        {
            JsonNode? biz;
            try { biz = JsonNode.Parse(form.GetValueOrDefault("biz_content") ?? "{}"); }
            catch (JsonException) { biz = null; }
            answer = biz is null ? Failure("40002", "Invalid Arguments", "isv.invalid-biz-content") : method switch
            {
                "alipay.trade.precreate" => Precreate(sim, biz, form.GetValueOrDefault("notify_url")),
                "alipay.trade.query" => Query(sim, biz),
                "alipay.trade.close" => Close(sim, biz),
                "alipay.trade.refund" => Refund(sim, biz),
                "alipay.trade.fastpay.refund.query" => RefundQuery(sim, biz),
                "alipay.data.dataservice.bill.downloadurl.query" => BillUrl(biz, address),
                _ => Failure("40004", "Business Failed", "isv.invalid-method"),
            };
        }
        return Results.Text(sim.Answer(method, answer), "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// Where page/wap pay sends the payer's browser: the signed request is checked like any other, the trade opens and a
    /// cashier page is shown; paying it is POST /pay/{no}, as for a scanned QR code.
    /// </summary>
    private static IResult Cashier(HttpRequest request, AlipaySimulator sim)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        var form = GatewayForms.ParseForm(request.QueryString.Value?.TrimStart('?') ?? "") ?? [];
        var method = form.GetValueOrDefault("method");
        if (sim.RejectRequest(form) is { } refusal) return Page(400, "签名错误 " + refusal);
        if (method is not ("alipay.trade.page.pay" or "alipay.trade.wap.pay")) return Page(400, "isv.invalid-method");
        JsonNode? biz;
        try { biz = JsonNode.Parse(form.GetValueOrDefault("biz_content") ?? "{}"); }
        catch (JsonException) { biz = null; }
        var product = method == "alipay.trade.page.pay" ? "FAST_INSTANT_TRADE_PAY" : "QUICK_WAP_WAY";
        if (biz?["product_code"]?.GetValue<string>() != product) return Page(400, "isv.invalid-product-code");
        var opened = Precreate(sim, biz, form.GetValueOrDefault("notify_url"));
        if (opened["code"]?.GetValue<string>() != "10000") return Page(400, opened["sub_code"]?.GetValue<string>() ?? "failed");
        var no = opened["out_trade_no"]!.GetValue<string>();
        return Page(200, $"收银台 {no} {biz["total_amount"]?.GetValue<string>()} 元");
    }

    private static IResult Page(int status, string text) =>
        Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>支付宝</title></head><body><p>{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    private static JsonObject Precreate(AlipaySimulator sim, JsonNode biz, string? notifyUrl)
    {
        var no = biz["out_trade_no"]?.GetValue<string>();
        var total = AlipayProtocol.Fen(biz["total_amount"]?.GetValue<string>());
        if (no is not { Length: > 0 and <= 64 } || total is not > 0 || notifyUrl is null) return Failure("40002", "Invalid Arguments", "isv.missing-parameter");
        if (sim.Books.Open(no, total.Value, "CNY", notifyUrl) is null) return Failure("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT");
        return new JsonObject { ["code"] = "10000", ["msg"] = "Success", ["out_trade_no"] = no, ["qr_code"] = $"https://qr.alipay.com/bax0{no[..12]}" };
    }

    private static JsonObject Query(AlipaySimulator sim, JsonNode biz) =>
        sim.Books.Find(biz["out_trade_no"]?.GetValue<string>() ?? "") is { } trade ? AlipaySimulator.TradeJson(trade) : Failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST");

    private static JsonObject Close(AlipaySimulator sim, JsonNode biz)
    {
        if (sim.Books.Find(biz["out_trade_no"]?.GetValue<string>() ?? "") is not { } trade) return Failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST");
        return SimulatedTrades.Close(trade)
            ? new JsonObject { ["code"] = "10000", ["msg"] = "Success", ["out_trade_no"] = trade.OutTradeNo }
            : Failure("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR");
    }

    /// <summary>Refunds at once; the same out_request_no again answers fund_change N.</summary>
    private static JsonObject Refund(AlipaySimulator sim, JsonNode biz)
    {
        var no = biz["out_trade_no"]?.GetValue<string>() ?? "";
        var requestNo = biz["out_request_no"]?.GetValue<string>() ?? no;
        if (AlipayProtocol.Fen(biz["refund_amount"]?.GetValue<string>()) is not { } amount) return Failure("40002", "Invalid Arguments", "isv.invalid-refund-amount");
        var known = sim.Books.FindRefund(requestNo) is not null;
        var failure = sim.TakeRefundFailure();
        if (failure == false) return Failure("20000", "Service Currently Unavailable", "ACQ.SYSTEM_ERROR");
        var (refund, refusal) = sim.Books.Refund(no, requestNo, amount, sim.Books.Find(no)?.NotifyUrl ?? "", completeNow: true);
        if (failure == true) return Failure("20000", "Service Currently Unavailable", "ACQ.SYSTEM_ERROR");
        if (refund is null)
            return Failure("40004", "Business Failed", refusal switch { "not_exist" => "ACQ.TRADE_NOT_EXIST", "not_paid" => "ACQ.TRADE_STATUS_ERROR", _ => "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
        var trade = sim.Books.Find(no)!;
        return new JsonObject
        {
            ["code"] = "10000", ["msg"] = "Success", ["trade_no"] = trade.TradeNo, ["out_trade_no"] = no, ["buyer_logon_id"] = "pay***@example.com",
            ["fund_change"] = known ? "N" : "Y", ["refund_fee"] = AlipayProtocol.Yuan(trade.Refunded),
        };
    }

    private static JsonObject RefundQuery(AlipaySimulator sim, JsonNode biz)
    {
        var answer = new JsonObject { ["code"] = "10000", ["msg"] = "Success", ["out_trade_no"] = biz["out_trade_no"]?.GetValue<string>() };
        if (sim.Books.FindRefund(biz["out_request_no"]?.GetValue<string>() ?? "") is { Succeeded: true } refund)
        {
            answer["out_request_no"] = refund.OutRefundNo;
            answer["refund_amount"] = AlipayProtocol.Yuan(refund.Amount);
            answer["refund_status"] = "REFUND_SUCCESS";
        }
        return answer;
    }

    private static JsonObject BillUrl(JsonNode biz, PublicAddress address) =>
        biz["bill_type"]?.GetValue<string>() == "trade" && DateOnly.TryParseExact(biz["bill_date"]?.GetValue<string>(), "yyyy-MM-dd", out var day)
            ? new JsonObject { ["code"] = "10000", ["msg"] = "Success", ["bill_download_url"] = $"{address.SimulatorUrl("alipay")}/bills/{day:yyyyMMdd}.zip" }
            : Failure("40004", "Business Failed", "isp.bill_not_exist");

    private static JsonObject Failure(string code, string msg, string subCode) =>
        new() { ["code"] = code, ["msg"] = msg, ["sub_code"] = subCode, ["sub_msg"] = subCode };
}
