using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>WeChat Pay JSAPI and H5 orders through HTTP against the simulator, settled by the same notification path as Native.</summary>
public abstract class WeChatPayProductTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    [Fact]
    public async Task A_jsapi_payment_gives_signed_requestPayment_arguments_and_is_paid_by_notification()
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("wechatpay",
            request: new { method = "wechatpay", scene = "jsapi", openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" });
        Assert.Equal("jsapi", action["type"]!.GetValue<string>());
        var args = action["parameters"]!;
        Assert.Equal($"prepay_id=wx{GatewayWorld.TradeNo(paymentId)}", args["package"]!.GetValue<string>());
        Assert.Equal("RSA", args["signType"]!.GetValue<string>());

        // A tampered package is refused by the payer's client (the simulator checks paySign with the merchant key).
        var tampered = args.DeepClone();
        tampered["nonceStr"] = "0" + args["nonceStr"]!.GetValue<string>();
        var refused = GatewayWorld.Answered(await _g.World.Anonymous().Post("/simulators/wechatpay/jsapi/pay", tampered), HttpStatusCode.BadRequest);
        Assert.Equal("SIGN_ERROR", refused.Str("code"));
        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));

        var paid = (await _g.World.Anonymous().Post("/simulators/wechatpay/jsapi/pay", args)).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("succeeded", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
    }

    [Fact]
    public async Task An_h5_payment_redirects_to_the_cashier_and_is_paid_by_notification()
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("wechatpay",
            request: new { method = "wechatpay", scene = "h5", payerClientIp = "203.0.113.7", returnUrl = "https://shop.example.cn/orders/1?paid=1" });
        Assert.Equal("redirect", action["type"]!.GetValue<string>());
        var url = action["value"]!.GetValue<string>();
        Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx", url, StringComparison.Ordinal);
        Assert.EndsWith("&redirect_url=https%3A%2F%2Fshop.example.cn%2Forders%2F1%3Fpaid%3D1", url, StringComparison.Ordinal);

        var paid = (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId)}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task A_scene_without_what_it_needs_or_unknown_or_unsupported_is_refused_before_any_payment()
    {
        var (customer, orderId, _, _) = await _g.PendingPayment("wechatpay");
        var url = $"/api/orders/{orderId}/payments";
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "jsapi" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "jsapi", openId = "has space" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "h5" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "h5", payerClientIp = "not-an-ip" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "h5", payerClientIp = "10.0.0.1", h5Type = "Symbian" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "h5", payerClientIp = "10.0.0.1", returnUrl = "javascript:alert(1)" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "nfc" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "unionpay", scene = "jsapi", openId = "o1" })).Is(HttpStatusCode.UnprocessableEntity, "payment_scene_unsupported");
        // None of the refusals opened an attempt: the first QR payment is the only one.
        Assert.Single((await _g.OrderPayments(orderId))["payments"]!.AsArray());
    }
}

public sealed class WeChatPayProductTests_Sqlite(GatewaysSqliteApp app) : WeChatPayProductTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class WeChatPayProductTests_Postgres(GatewaysPostgresApp app) : WeChatPayProductTests(app), IClassFixture<GatewaysPostgresApp>;
