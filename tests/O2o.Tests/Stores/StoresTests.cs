using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Stores;

public abstract class StoresTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Nearby_stores_come_nearest_first_and_only_within_the_radius()
    {
        // Somewhere far from every other test store: Chongming island.
        const double lat = 31.6230, lng = 121.3970;
        var near = await _world.NewStore(lat: lat + 0.001, lng: lng);          // ~0.1 km
        var middle = await _world.NewStore(lat: lat + 0.02, lng: lng);         // ~2.2 km
        var far = await _world.NewStore(lat: lat + 0.2, lng: lng);             // ~22 km

        var stores = (await _world.Anonymous().Get($"/api/stores?lat={lat}&lng={lng}&radiusKm=5")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([near, middle], stores.Select(s => s!["id"]!.GetValue<string>()));
        Assert.InRange(stores[1]!["distanceKm"]!.GetValue<double>(), 2.0, 2.4);
        Assert.True(stores[0]!["openNow"]!.GetValue<bool>());
        Assert.Contains(far, (await _world.Anonymous().Get($"/api/stores?lat={lat}&lng={lng}&radiusKm=30")).Json!.AsArray().Select(s => s!["id"]!.GetValue<string>()));

        (await _world.Anonymous().Get("/api/stores?lat=91&lng=121")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get($"/api/stores?lat={lat}&lng={lng}&radiusKm=0")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get($"/api/stores?lat={lat}")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get($"/api/stores/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "store_not_found");
    }

    [Fact]
    public async Task A_store_keeps_its_time_zone_opening_hours_and_services()
    {
        var admin = await _world.Admin();
        var created = (await admin.Post("/api/admin/stores", new
        {
            name = "夜猫子便利店", nameEn = "Night Owl", address = "上海市静安区南京西路1号", lat = 31.23, lng = 121.46,
            openingHours = new[] { new { day = "friday", opens = "18:00", closes = "02:00" } },
            services = new[] { "pickup", "delivery" }, deliveryRadiusKm = 2.5, phone = "021-12345678",
        })).Is(HttpStatusCode.Created);
        Assert.Equal("Asia/Shanghai", created.Str("timeZone"));
        var store = (await _world.Anonymous().Get($"/api/stores/{created.Str("id")}")).Is(HttpStatusCode.OK);
        Assert.Equal("02:00", store["openingHours"][0]!["closes"]!.GetValue<string>());
        Assert.Equal(2.5, store["deliveryRadiusKm"].GetValue<double>());

        var bad = (await admin.Post("/api/admin/stores", new
        {
            name = "", address = "x", lat = 200, lng = 121, timeZone = "Mars/Olympus", services = new[] { "teleport" },
            openingHours = new[] { new { day = "someday", opens = "25:00", closes = "10:00" } },
        })).Is(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "name", "lat", "timeZone", "services", "openingHours[0]" })
            Assert.True(bad.Json!["errors"]![field] is not null, $"{field} missing in {bad.Text}");
        (await admin.Post("/api/admin/stores", new { name = "x", address = "y", lat = 31, lng = 121, services = new[] { "delivery" }, deliveryRadiusKm = 0 }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class StoresTests_Sqlite(SqliteApp app) : StoresTests(app), IClassFixture<SqliteApp>;

public sealed class StoresTests_Postgres(PostgresApp app) : StoresTests(app), IClassFixture<PostgresApp>;
