using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Delivery;

/// <summary>Positions are checked before they are believed, and throttled before they are kept.</summary>
public abstract class RiderPositionTests(AppFixture fixture)
{
    private readonly DeliveryWorld _d = new(fixture);

    [Fact]
    public async Task Positions_outside_the_zone_or_jumping_absurdly_are_refused_and_close_ones_are_throttled()
    {
        var (store, _, lat, lng) = await _d.DeliveringStore();
        var rider = await _d.NewRider(store);
        (await DeliveryWorld.Report(rider, lat, lng)).Is(HttpStatusCode.Conflict, "rider_not_on_shift");
        (await rider.Api.Post("/api/rider/shift/start", new { lat = lat + 0.5, lng })).Is(HttpStatusCode.UnprocessableEntity, "position_outside_zone");
        await DeliveryWorld.OnShift(rider, lat, lng);

        (await DeliveryWorld.Report(rider, lat + 0.2, lng)).Is(HttpStatusCode.UnprocessableEntity, "position_outside_zone");
        var jump = (await DeliveryWorld.Report(rider, lat + 0.05, lng)).Is(HttpStatusCode.UnprocessableEntity, "position_implausible");
        Assert.True(jump["impliedSpeedKmh"].GetValue<double>() > 120);
        (await rider.Api.Post("/api/rider/positions", new { lat = 91, lng })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await rider.Api.Post("/api/rider/positions", new { lat, lng, at = DateTimeOffset.UtcNow.AddHours(-1) })).Is(HttpStatusCode.BadRequest, "validation_failed");

        var me = (await rider.Api.Get("/api/rider/me")).Is(HttpStatusCode.OK);
        Assert.Equal(lat, me["lat"].GetValue<double>(), 6); // nothing refused was applied

        await Task.Delay(1100);
        var throttled = (await DeliveryWorld.Report(rider, lat + 0.0005, lng)).Is(HttpStatusCode.Accepted);
        Assert.True(throttled["applied"].GetValue<bool>());
        Assert.False(throttled["stored"].GetValue<bool>()); // the shift start was kept less than a minute ago
        Assert.Equal(lat + 0.0005, (await rider.Api.Get("/api/rider/me")).Is(HttpStatusCode.OK)["lat"].GetValue<double>(), 6);

        var late = (await rider.Api.Post("/api/rider/positions", new { lat, lng, at = DateTimeOffset.UtcNow.AddSeconds(-30) })).Is(HttpStatusCode.Accepted);
        Assert.False(late["applied"].GetValue<bool>()); // older than the last one: ignored
    }

    [Fact]
    public async Task Riders_are_created_by_admins_with_a_known_vehicle_for_their_own_stores()
    {
        var (store, _, _, _) = await _d.DeliveringStore();
        var admin = await _d.World.Admin();
        var bad = (await admin.Post("/api/admin/riders", new { email = "x@test.o2o", password = World.Password, displayName = "X", vehicleType = "rocket", storeIds = Array.Empty<string>(), capacity = 0 }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(bad.Json!["errors"]!["vehicleType"]);
        Assert.NotNull(bad.Json!["errors"]!["storeIds"]);
        Assert.NotNull(bad.Json!["errors"]!["capacity"]);
        var pickupOnly = await _d.World.NewStore(services: ["pickup"]);
        (await admin.Post("/api/admin/riders", new { email = $"r{Guid.NewGuid():N}@test.o2o", password = World.Password, displayName = "X", vehicleType = "robot", storeIds = new[] { pickupOnly } }))
            .Is(HttpStatusCode.UnprocessableEntity, "fulfillment_not_offered");

        var robot = await _d.NewRider(store, "robot");
        var me = (await robot.Api.Get("/api/rider/me")).Is(HttpStatusCode.OK);
        Assert.Equal("robot", me.Str("vehicleType"));
        Assert.Equal(4, me.Long("capacity"));
        Assert.Contains((await admin.Get("/api/admin/riders")).Is(HttpStatusCode.OK).Json!.AsArray(), r => (string)r!["id"]! == robot.Id);
        var staff = await _d.World.NewStaff(store);
        (await staff.Get("/api/admin/riders")).Is(HttpStatusCode.Forbidden);
        (await staff.Get("/api/rider/me")).Is(HttpStatusCode.Forbidden);
    }
}

public sealed class RiderPositionTests_Sqlite(DeliverySqliteApp app) : RiderPositionTests(app), IClassFixture<DeliverySqliteApp>;

public sealed class RiderPositionTests_Postgres(DeliveryPostgresApp app) : RiderPositionTests(app), IClassFixture<DeliveryPostgresApp>;
