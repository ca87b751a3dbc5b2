using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

public abstract class JourneyTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task A_customer_buys_from_the_cart_for_pickup_and_the_store_hands_it_over_by_code()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 1390);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);

        (await customer.Api.Post("/api/cart/items", new { productId = product, quantity = 2 })).Is(HttpStatusCode.OK);
        var cart = (await customer.Api.Post("/api/cart/items", new { productId = product, quantity = 1 })).Is(HttpStatusCode.OK);
        Assert.Equal(3, cart["lines"][0]!["quantity"]!.GetValue<int>());
        Assert.Equal(4170, cart.Long("subtotalFen"));

        var order = (await customer.Api.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store } })).Is(HttpStatusCode.Created);
        var orderId = order.Str("id");
        Assert.Equal("pending_payment", order.Str("status"));
        Assert.Equal(4170, order.Long("totalFen"));
        Assert.Equal(0, order.Long("deliveryFeeFen"));
        Assert.Empty((await customer.Api.Get("/api/cart")).Is(HttpStatusCode.OK)["lines"].AsArray());
        Assert.Equal(7, await _world.Available(store, product));

        await World.Pay(customer.Api, orderId);
        var paid = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Equal("paid", paid.Str("status"));
        var code = paid.Str("pickupCode");
        Assert.Matches("^[0-9]{6}$", code);

        var seenByStaff = (await staff.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Null(seenByStaff.Json!["pickupCode"]);
        var storeOrders = (await staff.Get($"/api/stores/{store}/orders?status=paid")).Is(HttpStatusCode.OK);
        Assert.Contains(storeOrders.Json!.AsArray(), o => o!["id"]!.GetValue<string>() == orderId);

        Assert.Equal("preparing", (await staff.Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal("ready_for_pickup", (await staff.Post($"/api/stores/{store}/orders/{orderId}/ready")).Is(HttpStatusCode.OK).Str("status"));
        var done = (await staff.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.OK);
        Assert.Equal("completed", done.Str("status"));
        Assert.Equal(["pending_payment", "paid", "preparing", "ready_for_pickup", "completed"],
            done["timeline"].AsArray().Select(t => t!["status"]!.GetValue<string>()));

        var stock = (await (await _world.Admin()).Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(7, stock.Long("onHand"));
        Assert.Equal(0, stock.Long("reserved"));
        (await staff.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.NotFound, "invalid_pickup_code");
    }

    [Fact]
    public async Task A_delivery_order_pays_the_distance_fee_and_completes_when_delivered()
    {
        var (store, product) = await _world.StockedStore(onHand: 5, priceFen: 2000);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);
        // About 2.2 km north-east of People's Square.
        var address = new { line = "上海市虹口区四川北路1号 101室", lat = 31.2480, lng = 121.4850, contactName = "王小明", contactPhone = "13800138000" };

        var order = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, address },
            lines = new[] { new { productId = product, quantity = 2 } },
        })).Is(HttpStatusCode.Created);
        var km = order["fulfillment"]["distanceKm"]!.GetValue<double>();
        Assert.InRange(km, 2.0, 2.5);
        Assert.Equal(500 + 100 * (long)Math.Ceiling(km), order.Long("deliveryFeeFen"));
        Assert.Equal(4000 + order.Long("deliveryFeeFen"), order.Long("totalFen"));
        Assert.Equal("王小明", order["fulfillment"]["address"]!["contactName"]!.GetValue<string>());

        var orderId = order.Str("id");
        await World.Pay(customer.Api, orderId);
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/ready")).Is(HttpStatusCode.Conflict, "invalid_order_status");
        Assert.Equal("out_for_delivery", (await staff.Post($"/api/stores/{store}/orders/{orderId}/dispatch")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal("completed", (await staff.Post($"/api/stores/{store}/orders/{orderId}/delivered")).Is(HttpStatusCode.OK).Str("status"));

        var mine = (await customer.Api.Get("/api/orders")).Is(HttpStatusCode.OK);
        Assert.Equal("completed", mine.Json!.AsArray().Single()!["status"]!.GetValue<string>());
        Assert.Equal(3, await _world.Available(store, product));
    }

    [Fact]
    public async Task Cancelling_a_paid_order_releases_its_stock_and_refunds_the_payment()
    {
        var (store, product) = await _world.StockedStore(onHand: 4);
        var customer = await _world.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 3)).Is(HttpStatusCode.Created).Str("id");
        Assert.Equal(1, await _world.Available(store, product));
        var paymentId = await World.Pay(customer.Api, orderId);

        var cancelled = (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal(4, await _world.Available(store, product));
        var payment = await World.Eventually(() => customer.Api.Get($"/api/payments/{paymentId}"), r => r.Str("status") == "refunded");
        Assert.Equal("refunded", payment.Str("status"));
        (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.Conflict, "invalid_order_status");
    }

    [Fact]
    public async Task Orders_list_newest_first_and_filter_by_status()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var customer = await _world.NewCustomer();
        var first = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        var second = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, second);

        var all = (await customer.Api.Get("/api/orders")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([second, first], all.Select(o => o!["id"]!.GetValue<string>()));
        var pending = (await customer.Api.Get("/api/orders?status=pending_payment")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([first], pending.Select(o => o!["id"]!.GetValue<string>()));
        (await customer.Api.Get("/api/orders?status=shipped")).Is(HttpStatusCode.BadRequest, "validation_failed");

        var secondPage = (await customer.Api.Get("/api/orders?page=2&pageSize=1")).Is(HttpStatusCode.OK);
        Assert.Equal([first], secondPage.Json!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal("2", secondPage.Response.Headers.GetValues("X-Total-Count").Single());
        (await customer.Api.Get("/api/orders?pageSize=201")).Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class JourneyTests_Sqlite(SqliteApp app) : JourneyTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyTests_Postgres(PostgresApp app) : JourneyTests(app), IClassFixture<PostgresApp>;
