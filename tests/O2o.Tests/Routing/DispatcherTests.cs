using O2o.Routing;

namespace O2o.Tests.Routing;

/// <summary>A dispatch round: riders from where they are, carried orders kept, pickups first, capacity respected, promised times as close as can be.</summary>
public sealed class DispatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint PeoplesSquare = new(31.2304, 121.4737), Lujiazui = new(31.2397, 121.4998);
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(500);

    private static GeoPoint Near(GeoPoint p, double northKm, double eastKm) =>
        new(p.Lat + northKm / 111.2, p.Lng + eastKm / (111.2 * Math.Cos(p.Lat * Math.PI / 180)));

    private static DispatchRider Rider(string id, GeoPoint at, int capacity = 4, params CarriedOrder[] carrying) =>
        new(id, at, SpeedKmh: 18, capacity, carrying, Now.AddHours(4));

    private static OpenOrder Order(string id, GeoPoint store, GeoPoint home, int readyInMinutes = 0, int dueInMinutes = 45) =>
        new(id, store, home, Now.AddMinutes(readyInMinutes), Now.AddMinutes(dueInMinutes));

    private static void AssertPickupsFirstAndTimesForward(DispatchPlan plan)
    {
        foreach (var rider in plan.Riders)
        {
            for (var i = 1; i < rider.Stops.Count; i++) Assert.True(rider.Stops[i].Eta >= rider.Stops[i - 1].Eta);
            foreach (var pickup in rider.Stops.Where(s => s.Kind == StopKind.PickUp))
                Assert.True(rider.Stops.ToList().FindIndex(s => s.OrderId == pickup.OrderId && s.Kind == StopKind.DropOff)
                            > rider.Stops.ToList().IndexOf(pickup));
        }
    }

    [Fact]
    public void Each_order_goes_to_the_rider_near_its_store_with_an_eta_before_its_promise()
    {
        var plan = Dispatcher.Plan(new DispatchRequest(Now,
            [Rider("west", PeoplesSquare), Rider("east", Lujiazui)],
            [Order("o-east", Near(Lujiazui, 0.3, 0.2), Near(Lujiazui, 1.5, 1)), Order("o-west", Near(PeoplesSquare, -0.2, 0.1), Near(PeoplesSquare, -1.2, -0.8))]), Limit);

        Assert.Empty(plan.Unassigned);
        Assert.Equal(["o-west", "o-west"], plan.Riders.Single(r => r.RiderId == "west").Stops.Select(s => s.OrderId));
        Assert.Equal(["o-east", "o-east"], plan.Riders.Single(r => r.RiderId == "east").Stops.Select(s => s.OrderId));
        AssertPickupsFirstAndTimesForward(plan);
        Assert.InRange(plan.EtaOf("o-west")!.Value, Now.AddMinutes(3), Now.AddMinutes(45));
    }

    [Fact]
    public void A_carried_order_stays_with_its_rider_and_capacity_is_never_exceeded()
    {
        var carried = new CarriedOrder("carried", Near(Lujiazui, 2, 2), Now.AddMinutes(30));
        var plan = Dispatcher.Plan(new DispatchRequest(Now,
            [Rider("busy", PeoplesSquare, capacity: 1, carried), Rider("free", Near(Lujiazui, 2, 2.1))],
            [Order("a", Near(PeoplesSquare, 0.1, 0), Near(PeoplesSquare, 0.8, 0.5)), Order("b", Near(PeoplesSquare, 0, 0.2), Near(PeoplesSquare, -0.6, 0.4))]), Limit);

        var busy = plan.Riders.Single(r => r.RiderId == "busy").Stops;
        Assert.Equal("carried", busy.First(s => s.OrderId == "carried").OrderId);
        Assert.DoesNotContain(plan.Riders.Single(r => r.RiderId == "free").Stops, s => s.OrderId == "carried");
        // Carrying one with room for one: it must hand the carried order over before it picks anything up.
        var load = 1;
        foreach (var s in busy)
        {
            load += s.Kind == StopKind.PickUp ? 1 : -1;
            Assert.InRange(load, 0, 1);
        }
        Assert.Empty(plan.Unassigned);
        AssertPickupsFirstAndTimesForward(plan);
    }

    [Fact]
    public void Nothing_is_picked_up_before_it_is_ready_and_what_fits_nowhere_waits()
    {
        var plan = Dispatcher.Plan(new DispatchRequest(Now, [Rider("only", PeoplesSquare, capacity: 1)],
            [Order("later", Near(PeoplesSquare, 0.2, 0.2), Near(PeoplesSquare, 1, 1), readyInMinutes: 20, dueInMinutes: 50)]), Limit);
        Assert.True(plan.Riders[0].Stops.First(s => s.Kind == StopKind.PickUp).Eta >= Now.AddMinutes(20));

        var full = Dispatcher.Plan(new DispatchRequest(Now, [Rider("robot", PeoplesSquare, capacity: 0)],
            [Order("too-big", Near(PeoplesSquare, 0.2, 0.2), Near(PeoplesSquare, 1, 1))]), Limit);
        Assert.Equal(["too-big"], full.Unassigned);
        Assert.Empty(full.Riders[0].Stops);

        var nobody = Dispatcher.Plan(new DispatchRequest(Now, [], [Order("x", PeoplesSquare, Lujiazui)]), Limit);
        Assert.Equal(["x"], nobody.Unassigned);
    }
    [Fact]
    public void An_order_goes_only_to_a_rider_allowed_to_take_it_even_when_another_is_closer()
    {
        var plan = Dispatcher.Plan(new DispatchRequest(Now,
            [Rider("next-door", Near(PeoplesSquare, 0.1, 0)), Rider("declined-before", PeoplesSquare), Rider("allowed", Near(PeoplesSquare, 2, 2))],
            [Order("o", PeoplesSquare, Near(PeoplesSquare, 1, 0)) with { AllowedRiders = ["allowed"] },
             Order("nobody", PeoplesSquare, Near(PeoplesSquare, -1, 0)) with { AllowedRiders = [] }]), Limit);

        Assert.Equal(["o", "o"], plan.Riders.Single(r => r.RiderId == "allowed").Stops.Select(s => s.OrderId));
        Assert.Empty(plan.Riders.Single(r => r.RiderId == "next-door").Stops);
        Assert.Equal(["nobody"], plan.Unassigned);
    }

    [Fact]
    public void An_order_bound_to_a_rider_stays_with_them_though_another_is_better_placed()
    {
        var plan = Dispatcher.Plan(new DispatchRequest(Now,
            [Rider("accepted-it", Near(PeoplesSquare, 3, 3)), Rider("right-there", PeoplesSquare)],
            [Order("kept", PeoplesSquare, Near(PeoplesSquare, 0.5, 0)) with { BoundTo = "accepted-it" }]), Limit);

        Assert.Equal(["kept", "kept"], plan.Riders.Single(r => r.RiderId == "accepted-it").Stops.Select(s => s.OrderId));
        Assert.Empty(plan.Riders.Single(r => r.RiderId == "right-there").Stops);
        Assert.Empty(plan.Unassigned);
    }
}
