using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>The notify endpoint is public: only a correctly signed, fresh, matching notification may change anything, and only once.</summary>
public abstract class NotificationTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    private async Task<(Customer Customer, string OrderId, string PaymentId)> PendingPayment()
    {
        var (store, product) = await _world.StockedStore(onHand: 5, priceFen: 2590);
        var customer = await _world.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created).Str("id");
        var paymentId = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Created).Str("paymentId");
        return (customer, orderId, paymentId);
    }

    /// <summary>Signs as the sandbox gateway does, for a payment as we describe it (so the amount can be wrong).</summary>
    private (Dictionary<string, string> Headers, string Body) Signed(string paymentId, long? amountFen = null, bool succeeded = true)
    {
        using var scope = _world.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        var payment = db.Set<Payment>().AsNoTracking().Single(p => p.Id == Guid.Parse(paymentId));
        var described = new Payment
        {
            Id = payment.Id, OrderId = payment.OrderId, CustomerId = payment.CustomerId, Method = payment.Method,
            AmountFen = amountFen ?? payment.AmountFen, Currency = payment.Currency, CreatedAt = payment.CreatedAt,
        };
        return scope.ServiceProvider.GetRequiredService<SandboxGateway>().BuildNotification(described, succeeded);
    }

    private Task<Reply> Deliver((Dictionary<string, string> Headers, string Body) notification) =>
        _world.Anonymous().Send(HttpMethod.Post, "/api/payments/notify/sandbox", new RawJson(notification.Body), headers: notification.Headers);

    private int AuditedNotifications(string paymentId)
    {
        using var scope = _world.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<O2oDb>().Set<PaymentNotification>().Count(n => n.PaymentId == Guid.Parse(paymentId));
    }

    [Fact]
    public async Task A_duplicated_notification_pays_the_order_once()
    {
        var (customer, orderId, paymentId) = await PendingPayment();
        var notification = Signed(paymentId);

        var first = (await Deliver(notification)).Is(HttpStatusCode.OK);
        var second = (await Deliver(notification)).Is(HttpStatusCode.OK);

        Assert.Equal("accepted", first.Str("outcome"));
        Assert.Equal("duplicate", second.Str("outcome"));
        var order = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Equal("paid", order.Str("status"));
        Assert.Single(order["timeline"].AsArray(), t => t!["status"]!.GetValue<string>() == "paid");
        Assert.Equal("succeeded", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
        Assert.Equal(2, AuditedNotifications(paymentId));
    }

    [Fact]
    public async Task A_forged_or_tampered_notification_changes_nothing_and_is_kept_for_audit()
    {
        var (customer, orderId, paymentId) = await PendingPayment();
        var genuine = Signed(paymentId);

        var tamperedBody = genuine.Body.Replace("\"amountFen\":5180", "\"amountFen\":1", StringComparison.Ordinal);
        Assert.NotEqual(genuine.Body, tamperedBody);
        (await Deliver((genuine.Headers, tamperedBody))).Is(HttpStatusCode.Unauthorized, "invalid_signature");

        var forgedHeaders = new Dictionary<string, string>(genuine.Headers) { [SandboxGateway.SignatureHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes("forged")) };
        (await Deliver((forgedHeaders, genuine.Body))).Is(HttpStatusCode.Unauthorized, "invalid_signature");
        (await Deliver((new Dictionary<string, string>(), genuine.Body))).Is(HttpStatusCode.Unauthorized, "invalid_signature");

        // Correctly signed, but for another amount than the payment: flagged, not applied.
        (await Deliver(Signed(paymentId, amountFen: 1))).Is(HttpStatusCode.BadRequest, "amount_mismatch_flagged_for_review");

        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("pending", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
        Assert.True(AuditedNotifications(paymentId) >= 1);

        (await Deliver(genuine)).Is(HttpStatusCode.OK);
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task A_failed_payment_leaves_the_order_payable_by_another_attempt()
    {
        var (customer, orderId, paymentId) = await PendingPayment();
        Assert.Equal("failed", (await customer.Api.Post($"/api/sandbox/payments/{paymentId}/fail")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        await World.Pay(customer.Api, orderId);
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task Money_arriving_for_an_order_already_cancelled_is_refunded()
    {
        var (customer, orderId, paymentId) = await PendingPayment();
        var late = Signed(paymentId);
        (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.OK);

        Assert.Equal("accepted_and_refunded", (await Deliver(late)).Is(HttpStatusCode.OK).Str("outcome"));
        Assert.Equal("cancelled", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("refunded", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
    }

    [Fact]
    public async Task A_gateway_that_is_not_configured_cannot_be_chosen()
    {
        var (store, product) = await _world.StockedStore(onHand: 5);
        var customer = await _world.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        foreach (var method in new[] { "wechatpay", "alipay", "unionpay" })
            (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method })).Is(HttpStatusCode.UnprocessableEntity, "payment_method_unavailable");
        (await _world.Anonymous().Post("/simulators/wechatpay/pay/0123456789abcdef0123456789abcdef")).Is(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_customer_cannot_see_or_play_a_payment()
    {
        var (_, _, paymentId) = await PendingPayment();
        var stranger = await _world.NewCustomer();
        (await stranger.Api.Get($"/api/payments/{paymentId}")).Is(HttpStatusCode.NotFound, "payment_not_found");
        (await stranger.Api.Post($"/api/sandbox/payments/{paymentId}/succeed")).Is(HttpStatusCode.NotFound, "payment_not_found");
    }
}

public sealed class NotificationTests_Sqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTests_Postgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
