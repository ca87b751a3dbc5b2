using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

public abstract class ConcurrencyTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Fifty_concurrent_orders_for_ten_units_give_exactly_ten_orders()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var customers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _world.NewCustomer()));

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => World.PlaceOrder(customers[i % 5].Api, store, product, 1)));

        Assert.Equal(10, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Is(HttpStatusCode.Conflict, "insufficient_stock"));
        var stock = (await (await _world.Admin()).Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(10, stock.Long("onHand"));
        Assert.Equal(10, stock.Long("reserved"));
        Assert.Equal(0, stock.Long("available"));
    }

    [Fact]
    public async Task Concurrent_multi_line_orders_never_oversell_any_line()
    {
        var store = await _world.NewStore();
        var a = await _world.NewProduct();
        var b = await _world.NewProduct();
        await _world.SetStock(store, a, 7);
        await _world.SetStock(store, b, 4);
        var customer = await _world.NewCustomer();

        // Lines in both orders so that a naive implementation would deadlock or oversell.
        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "pickup", storeId = store },
            lines = i % 2 == 0
                ? new[] { new { productId = a, quantity = 1 }, new { productId = b, quantity = 1 } }
                : new[] { new { productId = b, quantity = 1 }, new { productId = a, quantity = 1 } },
        })));

        Assert.Equal(4, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Is(HttpStatusCode.Conflict, "insufficient_stock"));
        Assert.Equal(3, await _world.Available(store, a));
        Assert.Equal(0, await _world.Available(store, b));
    }

    [Fact]
    public async Task Concurrent_staff_moves_of_one_order_apply_once()
    {
        var (store, product) = await _world.StockedStore(onHand: 3);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, orderId);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => staff.Post($"/api/stores/{store}/orders/{orderId}/accept")));
        Assert.Equal(1, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        var order = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Single(order["timeline"].AsArray(), t => t!["status"]!.GetValue<string>() == "preparing");
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyTests_Postgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
