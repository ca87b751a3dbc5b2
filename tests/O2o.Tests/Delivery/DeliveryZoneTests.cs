using System.Globalization;
using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Delivery;

/// <summary>Drawn zones decide the area instead of the radius; no-rush delivery costs less and promises a consolidated window.</summary>
public abstract class DeliveryZoneTests(AppFixture fixture)
{
    private readonly DeliveryWorld _d = new(fixture);

    private static string Quote(string store, double lat, double lng, string? speed = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/stores/{store}/delivery-quote?lat={lat}&lng={lng}") + (speed is null ? "" : $"&speed={speed}");

    /// <summary>A narrow north–south strip through the store: 0.5 km either side east–west, 8 km north and south.</summary>
    private static string Strip(double lat, double lng) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{lng - 0.005}},{{lat - 0.07}}],[{{lng + 0.005}},{{lat - 0.07}}],[{{lng + 0.005}},{{lat + 0.07}}],[{{lng - 0.005}},{{lat + 0.07}}],[{{lng - 0.005}},{{lat - 0.07}}]]]}""");

    [Fact]
    public async Task A_drawn_zone_replaces_the_radius_at_quote_and_checkout()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var admin = await _d.World.Admin();
        var customer = await _d.World.NewCustomer();
        (await admin.Put($"/api/stores/{store}/delivery-zone", new { geoJson = Strip(lat, lng) })).Is(HttpStatusCode.OK);

        var farNorth = (await _d.World.Anonymous().Get(Quote(store, lat + 0.06, lng))).Is(HttpStatusCode.OK); // ~6.7 km, beyond the 5 km radius
        Assert.True(farNorth["inArea"].GetValue<bool>());
        Assert.Equal("polygon", farNorth.Str("zone"));
        var nearEast = (await _d.World.Anonymous().Get(Quote(store, lat, lng + 0.01))).Is(HttpStatusCode.OK); // ~1 km, inside the radius
        Assert.False(nearEast["inArea"].GetValue<bool>());
        var outside = (await DeliveryWorld.Order(customer.Api, store, product, lat, lng + 0.01)).Is(HttpStatusCode.UnprocessableEntity, "out_of_delivery_area");
        Assert.Equal("polygon", outside.Str("zone"));
        Assert.Contains("drawn", outside.Str("detail"), StringComparison.Ordinal);
        (await DeliveryWorld.Order(customer.Api, store, product, lat + 0.06, lng)).Is(HttpStatusCode.Created);

        (await admin.Delete($"/api/stores/{store}/delivery-zone")).Is(HttpStatusCode.NoContent);
        Assert.True((await _d.World.Anonymous().Get(Quote(store, lat, lng + 0.01))).Is(HttpStatusCode.OK)["inArea"].GetValue<bool>());
    }

    [Fact]
    public async Task The_delivery_report_validates_its_days_and_shows_only_the_callers_stores()
    {
        var (store, _, _, _) = await _d.DeliveringStore();
        var admin = await _d.World.Admin();
        (await admin.Get("/api/admin/delivery/report?from=yesterday")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Get("/api/admin/delivery/report?from=2026-11-20&to=2026-11-10")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Get("/api/admin/delivery/report?from=2026-01-01&to=2026-12-31")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Get($"/api/admin/delivery/report?storeId={Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "store_not_found");
        var empty = (await admin.Get($"/api/admin/delivery/report?storeId={store}")).Is(HttpStatusCode.OK);
        Assert.Equal(0, empty.Long("delivered"));
        Assert.Empty(empty.Json!["rows"]!.AsArray());
        (await (await _d.World.NewStaff(store)).Get("/api/admin/delivery/report")).Is(HttpStatusCode.Forbidden);
        (await (await _d.World.NewCustomer()).Api.Get("/api/admin/delivery/report")).Is(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("not json", "validation_failed")]
    [InlineData("""{"type":"Point","coordinates":[121.4,31.2]}""", "validation_failed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.4,31.2],[121.5,31.2],[121.5,31.3]]]}""", "validation_failed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.4,31.2],[121.5,31.2],[121.5,31.3],[121.45,31.35]]]}""", "validation_failed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.4,31.2],[121.5,31.3],[121.5,31.2],[121.4,31.3],[121.4,31.2]]]}""", "validation_failed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[200,31.2],[121.5,31.2],[121.5,31.3],[200,31.2]]]}""", "validation_failed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""", "zone_excludes_store")]
    public async Task Malformed_or_misplaced_zones_are_refused_and_change_nothing(string geoJson, string code)
    {
        var (store, _, _, _) = await _d.DeliveringStore();
        var admin = await _d.World.Admin();
        (await admin.Put($"/api/stores/{store}/delivery-zone", new { geoJson })).Is(code == "validation_failed" ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("radius", (await _d.World.Anonymous().Get($"/api/stores/{store}/delivery-zone")).Is(HttpStatusCode.OK).Str("kind"));
        var staff = await _d.World.NewStaff(store);
        (await staff.Put($"/api/stores/{store}/delivery-zone", new { geoJson })).Is(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_rush_costs_less_and_promises_a_later_aligned_window_that_the_order_keeps()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var express = (await _d.World.Anonymous().Get(Quote(store, lat + 0.02, lng))).Is(HttpStatusCode.OK);
        var slow = (await _d.World.Anonymous().Get(Quote(store, lat + 0.02, lng, "no_rush"))).Is(HttpStatusCode.OK);
        Assert.Equal(express.Long("deliveryFeeFen") * 60 / 100, slow.Long("deliveryFeeFen"));
        var from = slow["promisedFrom"].GetValue<DateTimeOffset>();
        var by = slow["promisedBy"].GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromHours(2), by - from);
        Assert.Equal(0, from.ToOffset(TimeSpan.FromHours(8)).Hour % 2);
        Assert.Equal(0, from.Minute);
        Assert.True(from > express["promisedBy"].GetValue<DateTimeOffset>());
        (await _d.World.Anonymous().Get(Quote(store, lat, lng, "tomorrow"))).Is(HttpStatusCode.BadRequest, "validation_failed");

        var customer = await _d.World.NewCustomer();
        var order = (await DeliveryWorld.Order(customer.Api, store, product, lat + 0.02, lng, "no_rush")).Is(HttpStatusCode.Created);
        Assert.Equal("no_rush", order["fulfillment"]["speed"]!.GetValue<string>());
        Assert.Equal(slow.Long("deliveryFeeFen"), order.Long("deliveryFeeFen"));
        Assert.Equal(by, order["fulfillment"]["promisedBy"]!.GetValue<DateTimeOffset>());
        (await DeliveryWorld.Order(customer.Api, store, product, lat, lng, "asap")).Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class DeliveryZoneTests_Sqlite(DeliverySqliteApp app) : DeliveryZoneTests(app), IClassFixture<DeliverySqliteApp>;

public sealed class DeliveryZoneTests_Postgres(DeliveryPostgresApp app) : DeliveryZoneTests(app), IClassFixture<DeliveryPostgresApp>;
