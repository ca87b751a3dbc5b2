using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

/// <summary>The delivery quote answers before any order exactly what checkout then decides: the same distance, area and fee.</summary>
public abstract class DeliveryQuoteTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    private static Task<Reply> Deliver(Api customer, string store, string product, double lat, double lng) =>
        customer.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, address = new { line = "上海市黄浦区南京东路300号", lat, lng, contactName = "王小明", contactPhone = "13800138000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        });

    private static string Quote(string store, double lat, double lng) =>
        FormattableString.Invariant($"/api/stores/{store}/delivery-quote?lat={lat}&lng={lng}");

    [Fact]
    public async Task The_quote_gives_the_fee_checkout_charges_inside_the_area_and_refuses_outside_as_checkout_does()
    {
        var (store, product) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        double lat = World.Lat + 0.0135, lng = World.Lng; // about 1.5 km north

        var inside = (await _world.Anonymous().Get(Quote(store, lat, lng))).Is(HttpStatusCode.OK);
        Assert.True(inside["inArea"].GetValue<bool>());
        Assert.Equal(5.0, inside["deliveryRadiusKm"].GetValue<double>());
        Assert.InRange(inside["distanceKm"].GetValue<double>(), 1.4, 1.6);
        Assert.Equal(500 + 2 * 100, inside.Long("deliveryFeeFen"));
        var order = (await Deliver(customer.Api, store, product, lat, lng)).Is(HttpStatusCode.Created);
        Assert.Equal(inside.Long("deliveryFeeFen"), order.Long("deliveryFeeFen"));
        Assert.Equal(inside["distanceKm"].GetValue<double>(), order["fulfillment"]["distanceKm"]!.GetValue<double>());

        var outside = (await _world.Anonymous().Get(Quote(store, 31.3, 120.6))).Is(HttpStatusCode.OK);
        Assert.False(outside["inArea"].GetValue<bool>());
        Assert.Null(outside.Json!["deliveryFeeFen"]);
        var refused = (await Deliver(customer.Api, store, product, 31.3, 120.6)).Is(HttpStatusCode.UnprocessableEntity, "out_of_delivery_area");
        Assert.Equal(outside["distanceKm"].GetValue<double>(), refused["distanceKm"].GetValue<double>());
        Assert.Equal(9, await _world.Available(store, product));
    }

    [Fact]
    public async Task A_position_is_validated_and_an_unknown_or_non_delivering_store_is_named()
    {
        var store = await _world.NewStore();
        var anonymous = _world.Anonymous();
        var missing = (await anonymous.Get($"/api/stores/{store}/delivery-quote")).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(missing.Json!["errors"]!["lat"]);
        Assert.NotNull(missing.Json!["errors"]!["lng"]);
        var outOfRange = (await anonymous.Get(Quote(store, 91, 200))).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(outOfRange.Json!["errors"]!["lat"]);
        Assert.NotNull(outOfRange.Json!["errors"]!["lng"]);
        (await anonymous.Get($"/api/stores/{store}/delivery-quote?lat=north&lng=1")).Is(HttpStatusCode.BadRequest, "validation_failed");

        (await anonymous.Get(Quote(Guid.NewGuid().ToString(), World.Lat, World.Lng))).Is(HttpStatusCode.NotFound, "store_not_found");
        (await anonymous.Get(Quote("not-an-id", World.Lat, World.Lng))).Is(HttpStatusCode.NotFound, "store_not_found");
        var pickupOnly = await _world.NewStore(services: ["pickup"]);
        (await anonymous.Get(Quote(pickupOnly, World.Lat, World.Lng))).Is(HttpStatusCode.UnprocessableEntity, "fulfillment_not_offered");
        var zh = await anonymous.Send(HttpMethod.Get, Quote(Guid.NewGuid().ToString(), World.Lat, World.Lng), null,
            headers: new Dictionary<string, string> { ["Accept-Language"] = "zh-CN" });
        Assert.Contains("门店", zh.Str("detail"), StringComparison.Ordinal);
    }
}

public sealed class DeliveryQuoteTests_Sqlite(SqliteApp app) : DeliveryQuoteTests(app), IClassFixture<SqliteApp>;

public sealed class DeliveryQuoteTests_Postgres(PostgresApp app) : DeliveryQuoteTests(app), IClassFixture<PostgresApp>;
