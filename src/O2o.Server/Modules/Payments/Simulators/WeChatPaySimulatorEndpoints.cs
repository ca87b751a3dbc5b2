using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// The simulator's HTTP face under /simulators/wechatpay: the v3 API paths the adapter calls (path and query signed
/// without this prefix, as against api.mch.weixin.qq.com), and the payer's side (pay, complete a refund) for tests and the demo.
/// </summary>
internal static class WeChatPaySimulatorEndpoints
{
    private const string Prefix = "/simulators/wechatpay";

    public static void Map(IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup(Prefix).AllowAnonymous().ExcludeFromDescription();
        sim.MapPost("/v3/pay/transactions/{product:regex(^(native|jsapi|h5)$)}", (string product, HttpContext http, WeChatPaySimulator s) =>
            Api(http, s, (body, _) => Order(s, product, body)));
        sim.MapGet("/v3/pay/transactions/out-trade-no/{no}", (string no, HttpContext http, WeChatPaySimulator s) => Api(http, s, (_, _) => Query(s, no)));
        sim.MapPost("/v3/pay/transactions/out-trade-no/{no}/close", (string no, HttpContext http, WeChatPaySimulator s) => Api(http, s, (_, _) => Close(s, no)));
        sim.MapPost("/v3/refund/domestic/refunds", (HttpContext http, WeChatPaySimulator s) => Api(http, s, (body, _) => Refund(s, body)));
        sim.MapGet("/v3/refund/domestic/refunds/{no}", (string no, HttpContext http, WeChatPaySimulator s) =>
            Api(http, s, (_, _) => s.Books.FindRefund(no) is { } r ? (200, RefundJson(r)) : (404, Error("RESOURCE_NOT_EXISTS", "退款单不存在"))));
        sim.MapGet("/v3/bill/tradebill", (string? bill_date, HttpContext http, WeChatPaySimulator s, PublicAddress address) =>
            Api(http, s, (_, _) => TradeBill(s, bill_date, address)));
        sim.MapGet("/v3/billdownload/file", Download);
        sim.MapPost("/pay/{no}", (string no, bool? deliver, WeChatPaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.Pay(no), s.Books.Find(no)?.NotifyUrl, deliver, ct));
        // What wx.requestPayment does inside WeChat: the paySign must verify with the merchant's key before the payer may pay.
        sim.MapPost("/jsapi/pay", async (JsapiPayment p, bool? deliver, WeChatPaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
        {
            if (s.RejectPaySign(p.AppId, p.TimeStamp, p.NonceStr, p.Package, p.SignType, p.PaySign) is { } rejected)
                return Results.Json(Error("SIGN_ERROR", rejected), statusCode: 400);
            var no = p.Package![PrepayPrefix.Length..];
            return await d.PlayAsync(s.IsEnabled, s.Pay(no), s.Books.Find(no)?.NotifyUrl, deliver, ct);
        });
        sim.MapPost("/refunds/{no}/complete", (string no, bool? deliver, WeChatPaySimulator s, SimulatorDelivery d, CancellationToken ct) =>
            d.PlayAsync(s.IsEnabled, s.CompleteRefund(no), s.Books.FindRefund(no)?.NotifyUrl, deliver, ct));
    }

    /// <summary>Verifies the caller's signature and signs the answer, as every v3 API call does.</summary>
    private static async Task<IResult> Api(HttpContext http, WeChatPaySimulator sim, Func<JsonNode?, string, (int Status, JsonObject? Body)> handle)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(http.RequestAborted);
        var canonical = http.Request.Path.Value![Prefix.Length..] + http.Request.QueryString.Value;
        var rejected = sim.RejectRequest(http.Request.Method, canonical, http.Request.Headers.Authorization.ToString(), raw);
        JsonNode? body = null;
        if (rejected is null && raw.Length > 0)
            try { body = JsonNode.Parse(raw); }
            catch (JsonException) { rejected = "body is not JSON"; }
        (int Status, JsonObject? Body) answer = (401, Error("SIGN_ERROR", rejected ?? ""));
        if (rejected is null)
            try { answer = handle(body, raw); }
            catch (InvalidOperationException) { answer = (400, Error("PARAM_ERROR", "a field has the wrong type")); }
        var (status, _) = answer;
        var text = answer.Body?.ToJsonString() ?? "";
        foreach (var (name, value) in sim.Sign(text)) http.Response.Headers[name] = value;
        return status == 204 ? Results.NoContent() : Results.Text(text, "application/json", Encoding.UTF8, status);
    }

    /// <summary>The simulator's prepay_id is the out_trade_no behind this prefix, so the payer's package leads back to the trade.</summary>
    private const string PrepayPrefix = "prepay_id=wx";

    internal sealed record JsapiPayment(string? AppId, string? TimeStamp, string? NonceStr, string? Package, string? SignType, string? PaySign);

    private static (int, JsonObject?) Order(WeChatPaySimulator sim, string product, JsonNode? body)
    {
        if (body is null || body["mchid"]?.GetValue<string>() != sim.Merchant.MchId || body["appid"]?.GetValue<string>() != sim.Merchant.AppId)
            return (400, Error("PARAM_ERROR", "appid and mchid do not match"));
        var total = body["amount"]?["total"]?.GetValue<long>() ?? 0;
        if (body["out_trade_no"]?.GetValue<string>() is not { Length: >= 6 and <= 32 } no || body["notify_url"]?.GetValue<string>() is not { } notifyUrl || total <= 0)
            return (400, Error("PARAM_ERROR", "out_trade_no, notify_url and amount.total are required"));
        if (product == "jsapi" && body["payer"]?["openid"]?.GetValue<string>() is not { Length: > 0 })
            return (400, Error("PARAM_ERROR", "payer.openid is required"));
        if (product == "h5" && (body["scene_info"]?["payer_client_ip"]?.GetValue<string>() is not { Length: > 0 }
            || body["scene_info"]?["h5_info"]?["type"]?.GetValue<string>() is not ("Wap" or "iOS" or "Android")))
            return (400, Error("PARAM_ERROR", "scene_info.payer_client_ip and scene_info.h5_info.type are required"));
        if (sim.Books.Open(no, total, body["amount"]?["currency"]?.GetValue<string>() ?? "CNY", notifyUrl) is not { } trade)
            return (400, Error("INVALID_REQUEST", "out_trade_no was used with another amount"));
        trade.Product = product == "h5" ? "MWEB" : product.ToUpperInvariant();
        return product switch
        {
            "jsapi" => (200, new JsonObject { ["prepay_id"] = "wx" + no }),
            "h5" => (200, new JsonObject { ["h5_url"] = $"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx{no}&package={no[..10]}" }),
            _ => (200, new JsonObject { ["code_url"] = $"weixin://wxpay/bizpayurl?pr={no[..8]}" }),
        };
    }

    private static (int, JsonObject?) Query(WeChatPaySimulator sim, string no) =>
        sim.Books.Find(no) is { } trade ? (200, sim.TransactionJson(trade)) : (404, Error("ORDER_NOT_EXIST", "订单不存在"));

    private static (int, JsonObject?) Close(WeChatPaySimulator sim, string no)
    {
        if (sim.Books.Find(no) is not { } trade) return (404, Error("ORDER_NOT_EXIST", "订单不存在"));
        return SimulatedTrades.Close(trade) ? (204, null) : (400, Error("ORDERPAID", "订单已支付"));
    }

    private static (int, JsonObject?) Refund(WeChatPaySimulator sim, JsonNode? body)
    {
        if (body?["out_trade_no"]?.GetValue<string>() is not { } no || body["out_refund_no"]?.GetValue<string>() is not { Length: <= 64 } refundNo
            || body["amount"]?["refund"]?.GetValue<long>() is not { } amount || body["notify_url"]?.GetValue<string>() is not { } notifyUrl)
            return (400, Error("PARAM_ERROR", "out_trade_no, out_refund_no, notify_url and amount.refund are required"));
        var (refund, refusal) = sim.Books.Refund(no, refundNo, amount, notifyUrl, completeNow: false);
        if (refund is null)
            return refusal == "not_exist" ? (404, Error("RESOURCE_NOT_EXISTS", "订单不存在")) : (403, Error(refusal == "not_paid" ? "TRADE_ERROR" : "NOT_ENOUGH", refusal!));
        return (200, RefundJson(refund));
    }

    private static JsonObject RefundJson(SimulatedRefund refund) => new()
    {
        ["refund_id"] = refund.RefundNo, ["out_refund_no"] = refund.OutRefundNo, ["out_trade_no"] = refund.OutTradeNo,
        ["channel"] = "ORIGINAL", ["user_received_account"] = "支付用户零钱", ["status"] = refund.Succeeded ? "SUCCESS" : "PROCESSING",
        ["amount"] = new JsonObject { ["refund"] = refund.Amount, ["currency"] = "CNY" },
    };

    private static (int, JsonObject?) TradeBill(WeChatPaySimulator sim, string? billDate, PublicAddress address)
    {
        if (!DateOnly.TryParseExact(billDate, "yyyy-MM-dd", out var day)) return (400, Error("PARAM_ERROR", "bill_date must be yyyy-MM-dd"));
#pragma warning disable CA5350 // WeChat's bill API announces SHA-1, so the simulator must too.
        var sha1 = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(sim.Bill(day))));
#pragma warning restore CA5350
        return (200, new JsonObject
        {
            ["hash_type"] = "SHA1", ["hash_value"] = sha1,
            ["download_url"] = $"{address.SimulatorUrl("wechatpay")}/v3/billdownload/file?token={day:yyyyMMdd}",
        });
    }

    /// <summary>The file itself: the request is signed like any other, the answer is not (its SHA-1 was announced).</summary>
    private static IResult Download(string? token, HttpContext http, WeChatPaySimulator sim)
    {
        if (!sim.IsEnabled) return Results.NotFound();
        var canonical = http.Request.Path.Value![Prefix.Length..] + http.Request.QueryString.Value;
        if (sim.RejectRequest("GET", canonical, http.Request.Headers.Authorization.ToString(), "") is { } rejected)
            return Results.Json(Error("SIGN_ERROR", rejected), statusCode: 401);
        return DateOnly.TryParseExact(token, "yyyyMMdd", out var day) ? Results.Text(sim.Bill(day), "text/plain", Encoding.UTF8) : Results.NotFound();
    }

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
