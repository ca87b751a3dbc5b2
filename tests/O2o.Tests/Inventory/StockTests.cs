using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Inventory;

public abstract class StockTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Safety_stock_is_not_promised_online_but_the_counter_may_sell_it()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();

        var settings = (await staff.Put($"/api/stores/{store}/inventory/{product}/settings", new { safetyStock = 4, lowStockThreshold = 2 })).Is(HttpStatusCode.OK);
        Assert.Equal(6, settings.Long("available"));
        Assert.Equal(6, (await _world.Anonymous().Get($"/api/products/{product}?storeId={store}")).Long("available"));
        (await World.PlaceOrder(customer.Api, store, product, 7)).Is(HttpStatusCode.Conflict, "insufficient_stock");
        (await World.PlaceOrder(customer.Api, store, product, 6)).Is(HttpStatusCode.Created);
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 4 } } })).Is(HttpStatusCode.Created);
        var stock = (await staff.Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(6, stock.Long("onHand"));
        Assert.Equal(6, stock.Long("reserved"));
        Assert.Equal(0, stock.Long("available"));

        var low = (await staff.Get($"/api/stores/{store}/low-stock")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(product, Assert.Single(low)!["productId"]!.GetValue<string>());
        (await staff.Put($"/api/stores/{store}/inventory/{product}/settings", new { safetyStock = -1 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.Put($"/api/stores/{store}/inventory/{product}/settings", new { })).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Staff_are_alerted_once_when_a_product_falls_to_its_alert_level_and_can_acknowledge_it()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var staff = await _world.NewStaff(store);
        var otherStaff = await _world.NewStaff(await _world.NewStore());
        var customer = await _world.NewCustomer();
        (await staff.Put($"/api/stores/{store}/inventory/{product}/settings", new { lowStockThreshold = 3 })).Is(HttpStatusCode.OK);
        Assert.Empty((await staff.Get($"/api/stores/{store}/stock-alerts")).Is(HttpStatusCode.OK).Json!.AsArray());

        (await World.PlaceOrder(customer.Api, store, product, 6)).Is(HttpStatusCode.Created); // 4 left: above the level
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } } })).Is(HttpStatusCode.Created); // 2 left
        var open = await World.Eventually(() => staff.Get($"/api/stores/{store}/stock-alerts"), r => r.Json!.AsArray().Count == 1);
        var alert = open.Json!.AsArray()[0]!;
        Assert.Equal(product, alert["productId"]!.GetValue<string>());
        Assert.Equal(2, alert["availableWhenRaised"]!.GetValue<int>());
        Assert.Equal(3, alert["threshold"]!.GetValue<int>());

        // Restocked above the level and falling again while the alert is still open: the open alert is refreshed, not doubled.
        (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = 5, reason = "delivery 到货" })).Is(HttpStatusCode.OK); // 7 left
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 6 } } })).Is(HttpStatusCode.Created); // 1 left
        var refreshed = await World.Eventually(() => staff.Get($"/api/stores/{store}/stock-alerts"),
            r => r.Json!.AsArray().Count != 1 || r.Json!.AsArray()[0]!["availableWhenRaised"]!.GetValue<int>() == 1);
        var only = Assert.Single(refreshed.Json!.AsArray())!;
        Assert.Equal(1, only["availableWhenRaised"]!.GetValue<int>());
        Assert.Equal(1, only["available"]!.GetValue<int>());
        Assert.Equal(alert["id"]!.GetValue<string>(), only["id"]!.GetValue<string>());

        var id = alert["id"]!.GetValue<string>();
        (await otherStaff.Post($"/api/stores/{store}/stock-alerts/{id}/acknowledge", new { })).Is(HttpStatusCode.NotFound, "store_not_found");
        (await staff.Post($"/api/stores/{store}/stock-alerts/not-an-id/acknowledge", new { })).Is(HttpStatusCode.NotFound, "stock_alert_not_found");
        var acknowledged = (await staff.Post($"/api/stores/{store}/stock-alerts/{id}/acknowledge", new { })).Is(HttpStatusCode.OK);
        Assert.NotNull(acknowledged.Str("acknowledgedAt"));
        Assert.Empty((await staff.Get($"/api/stores/{store}/stock-alerts")).Json!.AsArray());
        Assert.Single((await staff.Get($"/api/stores/{store}/stock-alerts?all=true")).Json!.AsArray());
    }

    [Fact]
    public async Task Adjustments_need_a_reason_and_never_take_reserved_units()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();
        (await World.PlaceOrder(customer.Api, store, product, 6)).Is(HttpStatusCode.Created);

        Assert.Equal(7, (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = -3, reason = "damaged 破损" })).Is(HttpStatusCode.OK).Long("onHand"));
        (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = -2, reason = "expired" })).Is(HttpStatusCode.Conflict, "below_reserved");
        (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = 0, reason = "nothing" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.PostRaw($"/api/stores/{store}/inventory/{product}/adjustments", "{\"quantity\": 1.5, \"reason\": \"x\"}")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = 2 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(9, (await staff.Post($"/api/stores/{store}/inventory/{product}/adjustments", new { quantity = 2, reason = "found in the back room" })).Is(HttpStatusCode.OK).Long("onHand"));

        var ledger = (await staff.Get($"/api/stores/{store}/inventory/{product}/ledger")).Json!.AsArray();
        var damaged = ledger.Single(e => e!["reason"]?.GetValue<string>() == "damaged 破损")!;
        Assert.Equal(-3, damaged["onHandDelta"]!.GetValue<int>());
        Assert.Equal("adjustment", damaged["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transfer_is_in_transit_until_received_and_can_be_called_back()
    {
        var (from, product) = await _world.StockedStore(onHand: 10);
        var to = await _world.NewStore();
        var sender = await _world.NewStaff(from);
        var receiver = await _world.NewStaff(to);

        var transfer = (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = to, lines = new[] { new { productId = product, quantity = 4 } }, note = "周末补货" }))
            .Is(HttpStatusCode.Created);
        Assert.Equal("in_transit", transfer.Str("status"));
        Assert.Equal(6, await _world.Available(from, product));
        var incoming = (await receiver.Get($"/api/stores/{to}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(4, incoming.Long("inTransit"));
        Assert.Equal(0, incoming.Long("onHand"));

        (await sender.Post($"/api/stores/{from}/transfers/{transfer.Str("id")}/receive")).Is(HttpStatusCode.NotFound, "transfer_not_found");
        Assert.Equal("received", (await receiver.Post($"/api/stores/{to}/transfers/{transfer.Str("id")}/receive")).Is(HttpStatusCode.OK).Str("status"));
        (await receiver.Post($"/api/stores/{to}/transfers/{transfer.Str("id")}/receive")).Is(HttpStatusCode.Conflict, "transfer_not_in_transit");
        var received = (await receiver.Get($"/api/stores/{to}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(4, received.Long("onHand"));
        Assert.Equal(0, received.Long("inTransit"));

        var second = (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = to, lines = new[] { new { productId = product, quantity = 5 } } })).Is(HttpStatusCode.Created);
        Assert.Equal(1, await _world.Available(from, product));
        Assert.Equal("cancelled", (await sender.Post($"/api/stores/{from}/transfers/{second.Str("id")}/cancel")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal(6, await _world.Available(from, product));
        Assert.Equal(2, (await sender.Get($"/api/stores/{from}/transfers")).Is(HttpStatusCode.OK).Json!.AsArray().Count);

        var report = (await (await _world.Admin()).Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.OK);
        Assert.True(report["consistent"].GetValue<bool>(), report.Text);
    }

    [Fact]
    public async Task Transfers_refuse_the_same_store_more_than_the_shelf_and_strangers()
    {
        var (from, product) = await _world.StockedStore(onHand: 3);
        var to = await _world.NewStore();
        var sender = await _world.NewStaff(from);
        var receiver = await _world.NewStaff(to);

        (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = from, lines = new[] { new { productId = product, quantity = 1 } } })).Is((HttpStatusCode)422, "same_store");
        (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = to, lines = new[] { new { productId = product, quantity = 4 } } })).Is(HttpStatusCode.Conflict, "insufficient_stock");
        (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = to, lines = new[] { new { productId = product, quantity = -1 } } })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await sender.Post($"/api/stores/{from}/transfers", new { toStoreId = Guid.NewGuid(), lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.NotFound, "store_not_found");
        (await receiver.Post($"/api/stores/{from}/transfers", new { toStoreId = to, lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.NotFound, "store_not_found");
        Assert.Equal(3, await _world.Available(from, product));
    }

    [Fact]
    public async Task Nearby_stores_with_the_product_are_listed_nearest_first()
    {
        const double lat = 31.3900, lng = 121.2650; // Jiading, away from other test stores
        var here = await _world.NewStore(lat: lat, lng: lng);
        var near = await _world.NewStore(lat: lat + 0.007, lng: lng);   // ~0.8 km
        var farther = await _world.NewStore(lat: lat + 0.02, lng: lng); // ~2.2 km
        var empty = await _world.NewStore(lat: lat + 0.01, lng: lng);
        var product = await _world.NewProduct();
        await _world.SetStock(near, product, 3);
        await _world.SetStock(farther, product, 8);
        await _world.SetStock(empty, product, 0);

        var options = (await _world.Anonymous().Get($"/api/products/{product}/availability?nearStoreId={here}")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([near, farther], options.Select(o => o!["storeId"]!.GetValue<string>()));
        Assert.Equal(3, options[0]!["available"]!.GetValue<int>());
        Assert.InRange(options[0]!["distanceKm"]!.GetValue<double>(), 0.6, 1.0);
        var byPosition = (await _world.Anonymous().Get($"/api/products/{product}/availability?lat={lat}&lng={lng}&radiusKm=1")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([near], byPosition.Select(o => o!["storeId"]!.GetValue<string>()));
        (await _world.Anonymous().Get($"/api/products/{product}/availability")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get($"/api/products/{Guid.NewGuid()}/availability?lat={lat}&lng={lng}")).Is(HttpStatusCode.NotFound, "product_not_found");
    }
}

public sealed class StockTests_Sqlite(SqliteApp app) : StockTests(app), IClassFixture<SqliteApp>;

public sealed class StockTests_Postgres(PostgresApp app) : StockTests(app), IClassFixture<PostgresApp>;
