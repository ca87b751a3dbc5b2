using Microsoft.AspNetCore.SignalR.Client;
using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Delivery;

/// <summary>A paid delivery order goes to a rider automatically, is tracked live, and is delivered with proof.</summary>
public abstract class DeliveryFlowTests(AppFixture fixture)
{
    private readonly DeliveryWorld _d = new(fixture);

    [Fact]
    public async Task A_paid_order_is_dispatched_to_the_rider_tracked_live_and_delivered_with_the_customers_code()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var rider = await _d.NewRider(store);
        await DeliveryWorld.OnShift(rider, lat + 0.002, lng);
        var (customer, orderId) = await _d.PaidDelivery(store, product, lat, lng);

        var offered = await DeliveryWorld.Holds(rider, orderId, "offered");
        Assert.NotNull(offered.Json!.AsArray().Single(j => (string)j!["orderId"]! == orderId)!["offerExpiresAt"]);
        var waiting = (await customer.Api.Get($"/api/orders/{orderId}/delivery")).Is(HttpStatusCode.OK);
        Assert.Null(waiting.Json!["rider"]); // nobody's position is shown before a rider has taken the order
        var code = waiting.Str("handoverCode");
        Assert.Matches("^[0-9]{4}$", code);

        (await rider.Api.Post($"/api/rider/jobs/{orderId}/accept")).Is(HttpStatusCode.OK);
        var tracked = (await customer.Api.Get($"/api/orders/{orderId}/delivery")).Is(HttpStatusCode.OK);
        Assert.Equal("accepted", tracked.Str("status"));
        Assert.Equal(lat + 0.002, tracked["rider"]["lat"]!.GetValue<double>(), 6);
        var firstEta = tracked["etaAt"].GetValue<DateTimeOffset>();

        (await rider.Api.Post($"/api/rider/jobs/{orderId}/picked-up")).Is(HttpStatusCode.Conflict, "order_not_ready");
        await _d.Accept(store, orderId);
        (await rider.Api.Post($"/api/rider/jobs/{orderId}/picked-up")).Is(HttpStatusCode.OK);
        Assert.Equal("out_for_delivery", (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Str("status"));

        await Task.Delay(1100); // a plausible pace for the next fix
        (await DeliveryWorld.Report(rider, lat + 0.0035, lng)).Is(HttpStatusCode.Accepted); // 170 m on: GPS-noise size, plausible at any pace
        var moving = (await customer.Api.Get($"/api/orders/{orderId}/delivery")).Is(HttpStatusCode.OK);
        Assert.Equal(lat + 0.0035, moving["rider"]["lat"]!.GetValue<double>(), 6);
        Assert.True(moving["etaAt"].GetValue<DateTimeOffset>() < firstEta.AddMinutes(1), "closer to the door, the ETA does not move later");
        var store_ = (await (await _d.World.Admin()).Get($"/api/stores/{store}/deliveries")).Is(HttpStatusCode.OK);
        Assert.Null(store_.Json!.AsArray().Single()!["handoverCode"]); // the store does not see the customer's code

        var wrong = code == "0000" ? "1111" : "0000";
        (await rider.Api.Post($"/api/rider/jobs/{orderId}/delivered", new { code = wrong })).Is(HttpStatusCode.UnprocessableEntity, "wrong_handover_code");
        Assert.Equal("out_for_delivery", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        (await rider.Api.Post($"/api/rider/jobs/{orderId}/delivered", new { code })).Is(HttpStatusCode.OK);

        Assert.Equal("completed", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        var done = (await customer.Api.Get($"/api/orders/{orderId}/delivery")).Is(HttpStatusCode.OK);
        Assert.Equal("delivered", done.Str("status"));
        Assert.Null(done.Json!["rider"]);
        Assert.Null(done.Json!["handoverCode"]);
        Assert.True(done["onTime"].GetValue<bool>());
        Assert.InRange(done["routeKm"].GetValue<double>(), 1.9, 2.0); // 1.5 km on the map, 1.3 times on streets
        Assert.InRange(done["co2Grams"].GetValue<double>(), 15, 16);   // e-bike: 8 g/km
        Assert.True(await DeliveryWorld.HoldsNothing(rider, orderId));

        var report = (await (await _d.World.Admin()).Get($"/api/admin/delivery/report?storeId={store}")).Is(HttpStatusCode.OK);
        var row = report.Json!["rows"]!.AsArray().Single()!;
        Assert.Equal(1, row["delivered"]!.GetValue<int>());
        Assert.Equal(1.0, row["onTimeRate"]!.GetValue<double>());
        Assert.Equal(done["co2Grams"].GetValue<double>(), row["co2Grams"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_customer_watching_the_order_sees_the_rider_move_and_the_eta_live()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var rider = await _d.NewRider(store);
        await DeliveryWorld.OnShift(rider, lat, lng);
        var (customer, orderId) = await _d.PaidDelivery(store, product, lat, lng);
        await DeliveryWorld.Holds(rider, orderId);
        await using var live = await LiveClient.ConnectAsync(_d.World.App, customer.Api);
        await live.Connection.InvokeAsync("WatchOrder", orderId);

        (await rider.Api.Post($"/api/rider/jobs/{orderId}/accept")).Is(HttpStatusCode.OK);
        var accepted = await live.NextDeliveryAsync(u => u.Status == "accepted");
        Assert.Equal(lat, accepted.RiderLat!.Value, 6);
        Assert.NotNull(accepted.EtaAt);

        await Task.Delay(1100);
        (await DeliveryWorld.Report(rider, lat + 0.001, lng)).Is(HttpStatusCode.Accepted);
        var moved = await live.NextDeliveryAsync(u => u.RiderLat is { } seen && Math.Abs(seen - (lat + 0.001)) < 1e-6);
        Assert.Equal(Guid.Parse(orderId), moved.OrderId);
        Assert.NotNull(moved.EtaAt);
    }

    [Fact]
    public async Task A_decline_sends_the_order_to_another_rider_and_never_back_to_the_one_who_declined()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var first = await _d.NewRider(store);
        await DeliveryWorld.OnShift(first, lat, lng);
        var (_, orderId) = await _d.PaidDelivery(store, product, lat, lng);
        await DeliveryWorld.Holds(first, orderId);

        var second = await _d.NewRider(store);
        await DeliveryWorld.OnShift(second, lat + 0.01, lng);
        (await second.Api.Post($"/api/rider/jobs/{orderId}/accept")).Is(HttpStatusCode.NotFound, "delivery_not_found");
        (await first.Api.Post($"/api/rider/jobs/{orderId}/decline", new { reason = "flat tyre" })).Is(HttpStatusCode.OK);

        await DeliveryWorld.Holds(second, orderId);
        Assert.True(await DeliveryWorld.HoldsNothing(first, orderId));
        (await first.Api.Post($"/api/rider/jobs/{orderId}/accept")).Is(HttpStatusCode.NotFound, "delivery_not_found");
    }

    [Fact]
    public async Task An_offer_nobody_answers_lapses_to_another_rider()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var silent = await _d.NewRider(store);
        await DeliveryWorld.OnShift(silent, lat, lng);
        var (_, orderId) = await _d.PaidDelivery(store, product, lat, lng);
        await DeliveryWorld.Holds(silent, orderId);
        var other = await _d.NewRider(store);
        await DeliveryWorld.OnShift(other, lat + 0.01, lng);

        await DeliveryWorld.Holds(other, orderId, within: TimeSpan.FromSeconds(15));
        (await silent.Api.Post($"/api/rider/jobs/{orderId}/accept")).Is(HttpStatusCode.NotFound, "delivery_not_found");
    }

    [Fact]
    public async Task Going_off_shift_hands_back_accepted_orders_but_not_while_carrying_one()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var leaving = await _d.NewRider(store);
        await DeliveryWorld.OnShift(leaving, lat, lng);
        var (_, carried) = await _d.PaidDelivery(store, product, lat, lng, northKm: 1);
        await DeliveryWorld.Holds(leaving, carried);
        (await leaving.Api.Post($"/api/rider/jobs/{carried}/accept")).Is(HttpStatusCode.OK);
        await _d.Accept(store, carried);
        (await leaving.Api.Post($"/api/rider/jobs/{carried}/picked-up")).Is(HttpStatusCode.OK);
        (await leaving.Api.Post("/api/rider/shift/end")).Is(HttpStatusCode.Conflict, "rider_still_carrying");
        (await leaving.Api.Post($"/api/rider/jobs/{carried}/delivered", new { photoReference = "photos/door-1.jpg" })).Is(HttpStatusCode.OK);

        var (_, accepted) = await _d.PaidDelivery(store, product, lat, lng, northKm: 2);
        await DeliveryWorld.Holds(leaving, accepted);
        (await leaving.Api.Post($"/api/rider/jobs/{accepted}/accept")).Is(HttpStatusCode.OK);
        var staying = await _d.NewRider(store);
        await DeliveryWorld.OnShift(staying, lat + 0.01, lng);
        (await leaving.Api.Post("/api/rider/shift/end")).Is(HttpStatusCode.OK);

        await DeliveryWorld.Holds(staying, accepted);
        (await DeliveryWorld.Report(leaving, lat, lng)).Is(HttpStatusCode.Conflict, "rider_not_on_shift");
    }

    [Fact]
    public async Task Others_get_404_and_a_cancelled_order_leaves_its_rider()
    {
        var (store, product, lat, lng) = await _d.DeliveringStore();
        var rider = await _d.NewRider(store);
        await DeliveryWorld.OnShift(rider, lat, lng);
        var (customer, orderId) = await _d.PaidDelivery(store, product, lat, lng);
        await DeliveryWorld.Holds(rider, orderId);

        var stranger = await _d.World.NewCustomer();
        (await stranger.Api.Get($"/api/orders/{orderId}/delivery")).Is(HttpStatusCode.NotFound, "delivery_not_found");
        (await customer.Api.Get("/api/rider/jobs")).Is(HttpStatusCode.Forbidden);
        (await rider.Api.Post($"/api/rider/jobs/{Guid.NewGuid()}/accept")).Is(HttpStatusCode.NotFound, "delivery_not_found");
        (await rider.Api.Post($"/api/rider/jobs/{orderId}/delivered", new { code = "12" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await rider.Api.Post($"/api/rider/jobs/{orderId}/delivered", new { })).Is(HttpStatusCode.BadRequest, "validation_failed");
        var otherStore = await _d.DeliveringStore();
        var otherStaff = await _d.World.NewStaff(otherStore.Store);
        (await otherStaff.Get($"/api/stores/{store}/deliveries")).Is(HttpStatusCode.NotFound, "store_not_found");

        (await customer.Api.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" })).Is(HttpStatusCode.OK);
        await World.Eventually(() => customer.Api.Get($"/api/orders/{orderId}/delivery"), r => r.Str("status") == "cancelled");
        Assert.True(await DeliveryWorld.HoldsNothing(rider, orderId));
    }
}

public sealed class DeliveryFlowTests_Sqlite(DeliverySqliteApp app) : DeliveryFlowTests(app), IClassFixture<DeliverySqliteApp>;

public sealed class DeliveryFlowTests_Postgres(DeliveryPostgresApp app) : DeliveryFlowTests(app), IClassFixture<DeliveryPostgresApp>;
