using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

public abstract class PaymentTimeoutTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task An_unpaid_order_is_cancelled_after_the_timeout_and_its_stock_released()
    {
        var (store, product) = await _world.StockedStore(onHand: 5);
        var customer = await _world.NewCustomer();
        var order = (await World.PlaceOrder(customer.Api, store, product, 4)).Is(HttpStatusCode.Created);
        var orderId = order.Str("id");
        var paymentId = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Created).Str("paymentId");
        var paid = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, paid);
        Assert.Equal(0, await _world.Available(store, product));

        var status = "";
        for (var i = 0; i < 100 && status != "cancelled"; i++)
        {
            await Task.Delay(100);
            status = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Str("status");
        }

        var expired = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", expired.Str("status"));
        Assert.Equal("payment_timeout", expired["timeline"].AsArray().Last()!["note"]!.GetValue<string>());
        Assert.Equal(4, await _world.Available(store, product));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{paid}")).Is(HttpStatusCode.OK).Str("status"));
        var payment = await World.Eventually(() => customer.Api.Get($"/api/payments/{paymentId}"), r => r.Str("status") == "closed");
        Assert.Equal("closed", payment.Str("status"));
        (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Conflict, "order_not_payable");
        (await customer.Api.Post($"/api/sandbox/payments/{paymentId}/succeed")).Is(HttpStatusCode.Conflict, "payment_not_pending");
    }
}

/// <summary>Unpaid orders expire after three seconds here; the job looks every quarter second.</summary>
public sealed class ShortTimeoutSqliteApp() : AppFixture(DatabaseKind.Sqlite, null)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Ordering:PaymentTimeout", "00:00:03"), new("Ordering:ExpiryScanInterval", "00:00:00.250")];
}

public sealed class ShortTimeoutPostgresApp(PostgresCluster cluster) : AppFixture(DatabaseKind.Postgres, cluster)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Ordering:PaymentTimeout", "00:00:03"), new("Ordering:ExpiryScanInterval", "00:00:00.250")];
}

public sealed class PaymentTimeoutTests_Sqlite(ShortTimeoutSqliteApp app) : PaymentTimeoutTests(app), IClassFixture<ShortTimeoutSqliteApp>;

public sealed class PaymentTimeoutTests_Postgres(ShortTimeoutPostgresApp app) : PaymentTimeoutTests(app), IClassFixture<ShortTimeoutPostgresApp>;
