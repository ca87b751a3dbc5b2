using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Promotions;

public abstract class FlashSaleTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    /// <summary>A sale at a new store; its window is relative to the moment it is announced.</summary>
    private async Task<(string Store, string Product, string Sale)> Sale(int quantity, int perCustomerLimit, int stock = 1000,
        TimeSpan? startsIn = null, TimeSpan? endsIn = null)
    {
        var (store, product) = await _world.StockedStore(onHand: stock, priceFen: 5990);
        var sale = (await (await _world.Admin()).Post("/api/admin/flash-sales", new
        {
            productId = product, storeIds = new[] { store }, priceFen = 990, quantity, perCustomerLimit,
            startsAt = DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromMinutes(-1)), endsAt = DateTimeOffset.UtcNow + (endsIn ?? TimeSpan.FromHours(1)),
        })).Is(HttpStatusCode.Created);
        return (store, product, sale.Str("id"));
    }

    private static Task<Reply> Buy(Api customer, string sale, string store, int quantity = 1) =>
        customer.Post($"/api/flash-sales/{sale}/orders", new { quantity, fulfillment = new { type = "pickup", storeId = store } });

    [Fact]
    public async Task A_stampede_gets_exactly_the_units_on_sale_and_everyone_else_a_sold_out()
    {
        var (store, product, sale) = await Sale(quantity: 12, perCustomerLimit: 2);
        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _world.NewCustomer()));

        var replies = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Buy(customers[i % 10].Api, sale, store)));

        var orders = replies.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(12, orders.Count);
        Assert.All(orders, o => Assert.Equal(990, o.Long("subtotalFen")));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains(r.Code, new[] { "sold_out", "limit_exceeded" }));
        foreach (var customer in customers)
            Assert.True((await customer.Api.Get("/api/orders")).Json!.AsArray().Count <= 2);
        var state = (await customers[0].Api.Get($"/api/flash-sales/{sale}")).Is(HttpStatusCode.OK);
        Assert.Equal(0, state.Long("remaining"));
        Assert.Equal("sold_out", state.Str("status"));
        Assert.Equal(1000 - 12, await _world.Available(store, product));
    }

    [Fact]
    public async Task The_per_customer_limit_holds_and_unpaid_units_return_to_the_sale()
    {
        var (store, _, sale) = await Sale(quantity: 5, perCustomerLimit: 2);
        var customer = await _world.NewCustomer();
        (await Buy(customer.Api, sale, store, 3)).Is(HttpStatusCode.Conflict, "limit_exceeded");
        var order = (await Buy(customer.Api, sale, store, 2)).Is(HttpStatusCode.Created).Str("id");
        (await Buy(customer.Api, sale, store, 1)).Is(HttpStatusCode.Conflict, "limit_exceeded");

        (await customer.Api.Post($"/api/orders/{order}/cancel")).Is(HttpStatusCode.OK);
        var state = await World.Eventually(() => customer.Api.Get($"/api/flash-sales/{sale}"), r => r.Long("remaining") == 5);
        Assert.Equal(5, state.Long("remaining"));
        (await Buy(customer.Api, sale, store, 2)).Is(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Before_the_start_and_after_the_end_the_sale_refuses()
    {
        var (store, _, upcoming) = await Sale(5, 1, startsIn: TimeSpan.FromHours(1), endsIn: TimeSpan.FromHours(2));
        var customer = await _world.NewCustomer();
        (await Buy(customer.Api, upcoming, store)).Is(HttpStatusCode.Conflict, "not_started");
        Assert.Equal("upcoming", (await customer.Api.Get($"/api/flash-sales/{upcoming}")).Str("status"));

        var (shortStore, _, brief) = await Sale(5, 1, startsIn: TimeSpan.FromSeconds(-5), endsIn: TimeSpan.FromSeconds(2));
        await Task.Delay(2500);
        (await Buy(customer.Api, brief, shortStore)).Is(HttpStatusCode.Conflict, "ended");

        var otherStore = await _world.NewStore();
        (await Buy(customer.Api, upcoming, otherStore)).Is(HttpStatusCode.Conflict, "not_started");
        (await customer.Api.Get($"/api/flash-sales/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "flash_sale_not_found");
    }

    [Fact]
    public async Task Announcing_a_sale_is_validated_and_for_admins_only()
    {
        var (store, product) = await _world.StockedStore();
        var admin = await _world.Admin();
        var bad = (await admin.Post("/api/admin/flash-sales", new
        {
            productId = product, storeIds = new[] { store }, priceFen = -1, quantity = 0, perCustomerLimit = 0,
            startsAt = DateTimeOffset.UtcNow.AddHours(2), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "priceFen", "quantity", "perCustomerLimit", "endsAt" })
            Assert.True(bad.Json!["errors"]![field] is not null, $"{field} missing in {bad.Text}");
        (await admin.Post("/api/admin/flash-sales", new
        {
            productId = Guid.NewGuid(), storeIds = new[] { store }, priceFen = 1, quantity = 1, perCustomerLimit = 1,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.NotFound, "product_not_found");
        (await admin.Post("/api/admin/flash-sales", new
        {
            productId = product, storeIds = new[] { store }, priceFen = 1, quantity = 11, perCustomerLimit = 1,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is((HttpStatusCode)422, "quantity_above_stock");
        var customer = await _world.NewCustomer();
        (await customer.Api.Post("/api/admin/flash-sales", new { productId = product })).Is(HttpStatusCode.Forbidden);
    }
}

public sealed class FlashSaleTests_Sqlite(SqliteApp app) : FlashSaleTests(app), IClassFixture<SqliteApp>;

public sealed class FlashSaleTests_Postgres(PostgresApp app) : FlashSaleTests(app), IClassFixture<PostgresApp>;

public sealed class FlashSaleTests_PostgresRedis(PostgresRedisApp app) : FlashSaleTests(app), IClassFixture<PostgresRedisApp>;
