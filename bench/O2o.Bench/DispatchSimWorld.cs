using O2o.Routing;

namespace O2o.Bench;

internal sealed record SimStore(string Id, string Name, GeoPoint At, double RadiusKm);

internal static class SimStores
{
    /// <summary>The stores that deliver, as the server lists them around central Shanghai.</summary>
    public static async Task<List<SimStore>> FetchAsync(Api api, string url)
    {
        var reply = await api.GetAsync($"{url}/api/stores?lat=31.2304&lng=121.4737&radiusKm=50").ConfigureAwait(false);
        if (!reply.IsSuccess || reply.Body is not System.Text.Json.Nodes.JsonArray list)
            throw new SetupException($"Listing the stores at {url} failed: {reply.Describe()} (start the server with the demo world)");
        var stores = list.Where(s => s?["services"] is System.Text.Json.Nodes.JsonArray services && services.Any(v => v?.GetValue<string>() == "delivery"))
            .Select(s => new SimStore(Json.Str(s, "id")!, Json.Str(s, "name") ?? "", new GeoPoint(s!["lat"]!.GetValue<double>(), s["lng"]!.GetValue<double>()),
                s["deliveryRadiusKm"]?.GetValue<double>() ?? 3)).ToList();
        return stores.Count > 0 ? stores : throw new SetupException($"No store at {url} offers delivery.");
    }
}

internal sealed class SimOrder(string id, SimStore store, GeoPoint dropOff, DateTimeOffset arrivedAt, DateTimeOffset readyAt, DateTimeOffset due)
{
    public string Id { get; } = id;
    public SimStore Store { get; } = store;
    public GeoPoint DropOff { get; } = dropOff;
    public DateTimeOffset ArrivedAt { get; } = arrivedAt;
    public DateTimeOffset ReadyAt { get; } = readyAt;
    public DateTimeOffset Due { get; } = due;
    public DateTimeOffset? PickedUpAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

internal static class SimOrders
{
    public static List<SimOrder> Generate(Random random, List<SimStore> stores, int count, DateTimeOffset day, TimeSpan promise)
    {
        // Orders per hour from 08:00 to 22:00: lunch and dinner peaks.
        var weights = new double[] { 2, 3, 5, 9, 12, 9, 5, 4, 4, 5, 8, 11, 9, 6 };
        var total = weights.Sum();
        var orders = new List<SimOrder>();
        for (var i = 0; i < count; i++)
        {
            var pick = random.NextDouble() * total;
            var hour = 0;
            while (pick > weights[hour]) pick -= weights[hour++];
            var arrived = day.AddHours(hour).AddSeconds(random.Next(3600));
            var store = stores[random.Next(stores.Count)];
            // Uniform over the delivery disc (at least 300 m away).
            var km = Math.Max(0.3, store.RadiusKm * Math.Sqrt(random.NextDouble()));
            var angle = random.NextDouble() * 2 * Math.PI;
            var dropOff = new GeoPoint(store.At.Lat + km * Math.Sin(angle) / 111.2, store.At.Lng + km * Math.Cos(angle) / (111.2 * Math.Cos(store.At.Lat * Math.PI / 180)));
            orders.Add(new SimOrder($"o{i:D5}", store, dropOff, arrived, arrived.AddMinutes(5 + random.Next(11)), arrived + promise));
        }
        return orders.OrderBy(o => o.ArrivedAt).ToList();
    }
}

internal sealed class SimRider(string id, string vehicle, SimStore home, DateTimeOffset shiftStart, DateTimeOffset shiftEnd)
{
    private List<(PlannedStop Stop, SimOrder Order)> _plan = [];

    public string Id { get; } = id;
    public string Vehicle { get; } = vehicle;
    public SimStore Home { get; } = home;
    public GeoPoint Position { get; private set; } = home.At;
    public double RangeKm => Spec.RangeKm;
    public DateTimeOffset ShiftStart { get; } = shiftStart;
    public DateTimeOffset ShiftEnd { get; } = shiftEnd;
    public DateTimeOffset FreeAt { get; private set; } = shiftStart;
    public List<SimOrder> Carrying { get; } = [];
    public double Km { get; private set; }
    public double BusySeconds { get; private set; }
    public int Delivered { get; private set; }

    private (double SpeedKmh, int Capacity, double RangeKm, double Co2) Spec => DispatchSimulation.Vehicles[Vehicle];

    public DispatchRider ToDispatch(DateTimeOffset now) =>
        new(Id, Position, Spec.SpeedKmh, Spec.Capacity, Carrying.Select(o => new CarriedOrder(o.Id, o.DropOff, o.Due)).ToList(), ShiftEnd)
        { FreeAt = FreeAt > now ? FreeAt : now };

    public void Follow(IReadOnlyList<PlannedStop> stops, Dictionary<string, SimOrder> orders) =>
        _plan = stops.Select(s => (s, orders[s.OrderId])).ToList();

    /// <summary>Does every stop due by <paramref name="now"/>, and commits to the one under way (the next plan starts where it ends).</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        while (_plan.Count > 0 && (_plan[0].Stop.Eta <= now || FreeAt <= now))
        {
            var (stop, order) = _plan[0];
            _plan.RemoveAt(0);
            var km = Position.KmTo(stop.At) * 1.3;
            var at = stop.Eta > FreeAt ? stop.Eta : FreeAt.AddSeconds(km / Spec.SpeedKmh * 3600);
            Km += km;
            BusySeconds += km / Spec.SpeedKmh * 3600 + 120;
            Position = stop.At;
            FreeAt = at.AddMinutes(2);
            if (stop.Kind == StopKind.PickUp)
            {
                if (order.PickedUpAt is not null) continue;
                order.PickedUpAt = at;
                Carrying.Add(order);
            }
            else if (Carrying.Remove(order))
            {
                order.DeliveredAt = at;
                Delivered++;
            }
            if (stop.Eta > now) break;
        }
    }
}

internal static class SimRiders
{
    /// <summary>Mostly e-bikes, some scooters, a few walkers and robots, spread evenly over the stores; half on the morning shift, half in the evening.</summary>
    public static List<SimRider> Generate(Random random, List<SimStore> stores, int count, DateTimeOffset day) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var roll = random.NextDouble();
            var vehicle = roll < 0.7 ? "ebike" : roll < 0.88 ? "scooter" : roll < 0.94 ? "walking" : "robot";
            var morning = i % 2 == 0;
            return new SimRider($"r{i:D3}", vehicle, stores[i / 2 % stores.Count], morning ? day : day.AddHours(7), morning ? day.AddHours(7.5) : day.AddHours(14.5));
        }).ToList();
}
