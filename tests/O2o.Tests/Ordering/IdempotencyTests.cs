using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

public abstract class IdempotencyTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Replaying_an_order_with_the_same_key_returns_the_first_order_and_reserves_once()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var customer = await _world.NewCustomer();
        var key = Guid.NewGuid().ToString();

        var first = (await World.PlaceOrder(customer.Api, store, product, 3, key)).Is(HttpStatusCode.Created);
        var again = (await World.PlaceOrder(customer.Api, store, product, 3, key)).Is(HttpStatusCode.Created);

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal(7, await _world.Available(store, product));
        Assert.Single((await customer.Api.Get("/api/orders")).Json!.AsArray());
        (await World.PlaceOrder(customer.Api, store, product, 4, key)).Is(HttpStatusCode.Conflict, "idempotency_key_reused");
        Assert.Equal(7, await _world.Available(store, product));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_create_one_order()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var customer = await _world.NewCustomer();
        var key = Guid.NewGuid().ToString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => World.PlaceOrder(customer.Api, store, product, 1, key)));

        Assert.All(replies, r => r.Is(HttpStatusCode.Created));
        Assert.Single(replies.Select(r => r.Str("id")).Distinct());
        Assert.Equal(9, await _world.Available(store, product));
    }

    [Fact]
    public async Task Keys_belong_to_their_user_and_a_refused_request_can_be_retried()
    {
        var (store, product) = await _world.StockedStore(onHand: 1);
        var alice = await _world.NewCustomer();
        var bob = await _world.NewCustomer();
        var key = Guid.NewGuid().ToString();

        (await World.PlaceOrder(alice.Api, store, product, 5, key)).Is(HttpStatusCode.Conflict, "insufficient_stock");
        await _world.SetStock(store, product, 10);
        var aliceOrder = (await World.PlaceOrder(alice.Api, store, product, 5, key)).Is(HttpStatusCode.Created);
        var bobOrder = (await World.PlaceOrder(bob.Api, store, product, 5, key)).Is(HttpStatusCode.Created);
        Assert.NotEqual(aliceOrder.Str("id"), bobOrder.Str("id"));
        (await World.PlaceOrder(alice.Api, store, product, 1, new string('k', 201))).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Starting_a_payment_twice_with_one_key_gives_one_payment()
    {
        var (store, product) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        var key = Guid.NewGuid().ToString();

        var first = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" }, key)).Is(HttpStatusCode.Created);
        var again = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" }, key)).Is(HttpStatusCode.Created);
        Assert.Equal(first.Str("paymentId"), again.Str("paymentId"));
        Assert.Equal("pending", (await customer.Api.Get($"/api/payments/{first.Str("paymentId")}")).Is(HttpStatusCode.OK).Str("status"));
        (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "alipay" }, key)).Is(HttpStatusCode.Conflict, "idempotency_key_reused");
    }
}

public sealed class IdempotencyTests_Sqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTests_Postgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
