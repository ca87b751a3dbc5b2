using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>UnionPay online gateway front form (frontTransReq): the payer's browser posts our signed form, the backUrl notification settles it.</summary>
public abstract class UnionPayProductTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    [Theory]
    [InlineData("page", "07")]
    [InlineData("wap", "08")]
    public async Task The_signed_front_form_is_accepted_by_the_cashier_and_the_payment_is_settled_by_notification(string scene, string channelType)
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("unionpay",
            request: new { method = "unionpay", scene, returnUrl = "https://shop.example.cn/paid" });
        Assert.Equal("form", action["type"]!.GetValue<string>());
        var target = new Uri(action["value"]!.GetValue<string>());
        Assert.Equal("/simulators/unionpay/gateway/api/frontTransReq.do", target.AbsolutePath);
        var fields = action["parameters"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        Assert.Equal(channelType, fields["channelType"]);
        Assert.Equal("000201", fields["bizType"]);
        Assert.Equal("https://shop.example.cn/paid", fields["frontUrl"]);

        using var browser = _g.World.App.CreateClient();
        var tampered = new Dictionary<string, string>(fields) { ["txnAmt"] = "1" };
        using (var refused = await browser.PostAsync(new Uri(target.AbsolutePath, UriKind.Relative), new FormUrlEncodedContent(tampered)))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var cashier = await browser.PostAsync(new Uri(target.AbsolutePath, UriKind.Relative), new FormUrlEncodedContent(fields)))
            Assert.Equal(HttpStatusCode.OK, cashier.StatusCode);

        var paid = (await _g.World.Anonymous().Post($"/simulators/unionpay/pay/{GatewayWorld.TradeNo(paymentId)}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task A_front_form_without_a_return_url_is_refused_and_opens_no_payment()
    {
        var (store, product) = await _g.World.StockedStore(onHand: 5, priceFen: 1200);
        var customer = await _g.World.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");

        var refused = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "unionpay", scene = "wap" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("returnUrl", refused["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty((await _g.OrderPayments(orderId))["payments"]!.AsArray());
    }
}

public sealed class UnionPayProductTests_Sqlite(GatewaysSqliteApp app) : UnionPayProductTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class UnionPayProductTests_Postgres(GatewaysPostgresApp app) : UnionPayProductTests(app), IClassFixture<GatewaysPostgresApp>;
