using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>Alipay page and wap pay: the payer's browser opens our signed gateway.do URL, the notification settles it.</summary>
public abstract class AlipayProductTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    [Theory]
    [InlineData("page", "alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY")]
    [InlineData("wap", "alipay.trade.wap.pay", "QUICK_WAP_WAY")]
    public async Task The_signed_cashier_url_opens_at_the_gateway_and_the_payment_is_settled_by_notification(string scene, string method, string product)
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("alipay",
            request: new { method = "alipay", scene, returnUrl = "https://shop.example.cn/paid" });
        Assert.Equal("redirect", action["type"]!.GetValue<string>());
        var url = new Uri(action["value"]!.GetValue<string>());
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(method, query["method"]);
        Assert.Equal("https://shop.example.cn/paid", query["return_url"]);
        Assert.Contains(product, query["biz_content"], StringComparison.Ordinal);
        Assert.Equal("/simulators/alipay/gateway.do", url.AbsolutePath);

        using var browser = _g.World.App.CreateClient();
        // A tampered amount no longer verifies, and the gateway refuses the cashier.
        var tampered = url.PathAndQuery.Replace("total_amount%22%3A%22", "total_amount%22%3A%221", StringComparison.Ordinal);
        Assert.NotEqual(url.PathAndQuery, tampered);
        using (var refused = await browser.GetAsync(new Uri(tampered, UriKind.Relative))) Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var cashier = await browser.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, cashier.StatusCode);
            Assert.Contains(GatewayWorld.TradeNo(paymentId), await cashier.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var paid = (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{GatewayWorld.TradeNo(paymentId)}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task A_bad_return_url_or_a_scene_alipay_does_not_offer_is_refused()
    {
        var (customer, orderId, _, _) = await _g.PendingPayment("alipay");
        var url = $"/api/orders/{orderId}/payments";
        (await customer.Api.Post(url, new { method = "alipay", scene = "page", returnUrl = "ftp://shop.example.cn/" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "alipay", scene = "wap", returnUrl = "/relative" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post(url, new { method = "alipay", scene = "jsapi", openId = "o1" })).Is(HttpStatusCode.UnprocessableEntity, "payment_scene_unsupported");
        (await customer.Api.Post(url, new { method = "wechatpay", scene = "page" })).Is(HttpStatusCode.UnprocessableEntity, "payment_scene_unsupported");
    }
}

public sealed class AlipayProductTests_Sqlite(GatewaysSqliteApp app) : AlipayProductTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class AlipayProductTests_Postgres(GatewaysPostgresApp app) : AlipayProductTests(app), IClassFixture<GatewaysPostgresApp>;
