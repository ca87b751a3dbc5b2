using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

/// <summary>Every way checkout can be refused gives the contract's code and reserves nothing.</summary>
public abstract class CheckoutErrorTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task Quantities_outside_1_to_10000_are_rejected_and_reserve_nothing(int quantity)
    {
        var (store, product) = await _world.StockedStore(onHand: 20_000);
        var customer = await _world.NewCustomer();
        var reply = (await World.PlaceOrder(customer.Api, store, product, quantity)).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(reply.Json!["errors"]!["lines[0].quantity"]);
        Assert.Equal(20_000, await _world.Available(store, product));
        (await customer.Api.Post("/api/cart/items", new { productId = product, quantity })).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("{\"fulfillment\": {\"type\": \"pickup\", ")]
    [InlineData("{\"fulfillment\": {\"type\": \"pickup\", \"storeId\": \"x\"}, \"lines\": [{\"productId\": \"p\", \"quantity\": \"two\"}]}")]
    [InlineData("{\"fulfillment\": {\"type\": \"pickup\", \"storeId\": \"x\"}, \"lines\": [{\"productId\": \"p\", \"quantity\": 1.5}]}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task Malformed_json_and_wrong_types_are_400_problems(string body)
    {
        var customer = await _world.NewCustomer();
        (await customer.Api.PostRaw("/api/orders", body)).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Missing_and_over_long_fields_are_named()
    {
        var customer = await _world.NewCustomer();
        var reply = (await customer.Api.Post("/api/orders", new { fulfillment = new { type = "teleport", storeId = new string('x', 65) } }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(reply.Json!["errors"]!["fulfillment.type"]);
        Assert.NotNull(reply.Json!["errors"]!["fulfillment.storeId"]);
        var delivery = (await customer.Api.Post("/api/orders", new { fulfillment = new { type = "delivery", storeId = Guid.NewGuid(), address = new { lat = 91 } } }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "fulfillment.address.line", "fulfillment.address.lat", "fulfillment.address.lng", "fulfillment.address.contactName", "fulfillment.address.contactPhone" })
            Assert.True(delivery.Json!["errors"]![field] is not null, $"{field} not named in {delivery.Text}");
    }

    [Fact]
    public async Task Unknown_store_and_product_are_404_with_their_codes()
    {
        var (store, _) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        (await World.PlaceOrder(customer.Api, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), 1)).Is(HttpStatusCode.NotFound, "store_not_found");
        (await World.PlaceOrder(customer.Api, "not-an-id", Guid.NewGuid().ToString(), 1)).Is(HttpStatusCode.NotFound, "store_not_found");
        (await World.PlaceOrder(customer.Api, store, Guid.NewGuid().ToString(), 1)).Is(HttpStatusCode.NotFound, "product_not_found");
        (await customer.Api.Post("/api/cart/items", new { productId = Guid.NewGuid(), quantity = 1 })).Is(HttpStatusCode.NotFound, "product_not_found");
        (await customer.Api.Get($"/api/orders/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task A_short_line_fails_the_whole_order_names_the_product_and_reserves_nothing()
    {
        var store = await _world.NewStore();
        var plenty = await _world.NewProduct();
        var scarce = await _world.NewProduct(name: "稀缺商品");
        await _world.SetStock(store, plenty, 50);
        await _world.SetStock(store, scarce, 2);
        var customer = await _world.NewCustomer();

        var reply = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "pickup", storeId = store },
            lines = new[] { new { productId = plenty, quantity = 5 }, new { productId = scarce, quantity = 3 } },
        })).Is(HttpStatusCode.Conflict, "insufficient_stock");
        var shortages = reply["products"].AsArray();
        Assert.Equal(scarce, Assert.Single(shortages)!["productId"]!.GetValue<string>());
        Assert.Equal(2, shortages[0]!["available"]!.GetValue<int>());
        Assert.Contains("稀缺商品", reply.Str("detail"));
        Assert.Equal(50, await _world.Available(store, plenty));
        Assert.Equal(2, await _world.Available(store, scarce));
        Assert.Empty((await customer.Api.Get("/api/orders")).Json!.AsArray());
    }

    [Fact]
    public async Task Problems_speak_chinese_to_callers_who_prefer_it()
    {
        var store = await _world.NewStore();
        var product = await _world.NewProduct(name: "稀缺商品");
        await _world.SetStock(store, product, 1);
        var customer = await _world.NewCustomer();
        customer.Api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        var reply = (await World.PlaceOrder(customer.Api, store, product, 3)).Is(HttpStatusCode.Conflict, "insufficient_stock");
        Assert.Equal("库存不足：稀缺商品（需要 3，可售 1）", reply.Str("detail"));
        Assert.Null(reply.Json!["detailZh"]);
        Assert.Equal("找不到该订单。", (await customer.Api.Get($"/api/orders/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "order_not_found").Str("detail"));
        var english = (await _world.Anonymous().WithToken(customer.Api.Http.DefaultRequestHeaders.Authorization!.Parameter!).Get($"/api/orders/{Guid.NewGuid()}"));
        Assert.Equal("The order was not found.", english.Str("detail"));
    }

    [Fact]
    public async Task Delivery_beyond_the_radius_is_out_of_delivery_area()
    {
        var store = await _world.NewStore(radiusKm: 3);
        var product = await _world.NewProduct();
        await _world.SetStock(store, product, 5);
        var customer = await _world.NewCustomer();
        // Hongqiao station, about 13 km west.
        var reply = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, address = new { line = "虹桥火车站", lat = 31.1945, lng = 121.3206, contactName = "李雷", contactPhone = "13900139000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        })).Is((HttpStatusCode)422, "out_of_delivery_area");
        Assert.True(reply["distanceKm"].GetValue<double>() > 10);
        Assert.Equal(5, await _world.Available(store, product));
    }

    [Fact]
    public async Task A_store_that_does_not_offer_the_fulfilment_or_is_closed_refuses()
    {
        var pickupOnly = await _world.NewStore(services: ["pickup"], radiusKm: 0);
        var product = await _world.NewProduct();
        await _world.SetStock(pickupOnly, product, 5);
        var customer = await _world.NewCustomer();
        (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = pickupOnly, address = new { line = "人民广场", lat = World.Lat, lng = World.Lng, contactName = "李雷", contactPhone = "13900139000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        })).Is((HttpStatusCode)422, "fulfillment_not_offered");

        // Open only on a day three days from now (Shanghai time): closed whatever the hour.
        var shanghaiToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DayOfWeek;
        var otherDay = ((DayOfWeek)(((int)shanghaiToday + 3) % 7)).ToString().ToLowerInvariant();
        var closed = await _world.NewStore(openingHours: new[] { new { day = otherDay, opens = "09:00", closes = "10:00" } });
        await _world.SetStock(closed, product, 5);
        var stores = (await _world.Anonymous().Get($"/api/stores/{closed}")).Is(HttpStatusCode.OK);
        Assert.False(stores["openNow"].GetValue<bool>());
        (await World.PlaceOrder(customer.Api, closed, product, 1)).Is((HttpStatusCode)422, "store_closed");
        Assert.Equal(5, await _world.Available(closed, product));
    }

    [Fact]
    public async Task An_empty_cart_cannot_be_checked_out()
    {
        var (store, _) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        (await customer.Api.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store } })).Is((HttpStatusCode)422, "cart_empty");
    }

    [Fact]
    public async Task Order_and_payment_state_errors_have_codes()
    {
        var (store, product) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");

        (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "bitcoin" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "wechatpay" })).Is((HttpStatusCode)422, "payment_method_unavailable");
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.Conflict, "invalid_order_status");

        await World.Pay(customer.Api, orderId);
        (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Conflict, "order_not_payable");
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/ready")).Is(HttpStatusCode.Conflict, "invalid_order_status");
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.OK);
        (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.Conflict, "order_not_cancellable");
        (await staff.Post($"/api/stores/{store}/orders/{orderId}/cancel")).Is(HttpStatusCode.NotFound);
        Assert.Equal("cancelled", (await staff.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.OK).Str("status"));
    }

    [Fact]
    public async Task Wrong_pickup_codes_are_rate_limited_per_store()
    {
        var (store, _) = await _world.StockedStore();
        var staff = await _world.NewStaff(store);
        for (var i = 0; i < 5; i++)
            (await staff.Post($"/api/stores/{store}/pickups", new { code = $"00000{i}" })).Is(HttpStatusCode.NotFound, "invalid_pickup_code");
        var limited = (await staff.Post($"/api/stores/{store}/pickups", new { code = "000009" })).Is(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.NotNull(limited.Response.Headers.RetryAfter);
        (await staff.Post($"/api/stores/{store}/pickups", new { code = "12ab" })).Is(HttpStatusCode.TooManyRequests);

        var (otherStore, _) = await _world.StockedStore();
        var otherStaff = await _world.NewStaff(otherStore);
        (await otherStaff.Post($"/api/stores/{otherStore}/pickups", new { code = "12ab" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await otherStaff.Post($"/api/stores/{otherStore}/pickups", new { code = "000001" })).Is(HttpStatusCode.NotFound, "invalid_pickup_code");
    }

    [Fact]
    public async Task Unknown_routes_are_404_problems()
    {
        (await _world.Anonymous().Get("/api/no-such-thing")).Is(HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class CheckoutErrorTests_Sqlite(SqliteApp app) : CheckoutErrorTests(app), IClassFixture<SqliteApp>;

public sealed class CheckoutErrorTests_Postgres(PostgresApp app) : CheckoutErrorTests(app), IClassFixture<PostgresApp>;
