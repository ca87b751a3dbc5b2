using System.Diagnostics;
using System.Text.Json.Nodes;
using O2o.Routing;

namespace O2o.Bench;

/// <summary>
/// dispatch-sim: a day of delivery demand around the server's stores replayed through the platform's dispatch planner
/// (<see cref="Dispatcher"/>), one planning round per simulated minute; riders on two shifts follow their plans. Reports
/// on-time rate, delivery times, rider utilisation, km and CO₂ per order.
/// </summary>
internal static class DispatchSimulation
{
    public static readonly string[] Options = ["url", "orders", "riders", "seed", "round-seconds", "limit-ms", "promise-minutes", "zone-km", "json", "label", "timeout"];

    /// <summary>The server's vehicle profiles (Modules/Delivery/Vehicles.cs): speed in town, orders carried, range from the store, g CO₂/km.</summary>
    internal static readonly Dictionary<string, (double SpeedKmh, int Capacity, double RangeKm, double Co2GramsPerKm)> Vehicles = new()
    {
        ["ebike"] = (18, 6, 6, 8), ["scooter"] = (25, 8, 8, 20), ["car"] = (22, 20, 15, 170), ["walking"] = (4.5, 3, 1.5, 0), ["robot"] = (6, 4, 2.5, 6),
    };

    public static async Task<RunResult> RunAsync(Args args)
    {
        args.EnsureOnly(Options);
        var url = Program.TrimUrl(args.Get("url", Program.DefaultUrl));
        var orderCount = args.GetInt("orders", 1000, 1, 100_000);
        var riderCount = args.GetInt("riders", 40, 1, 2000);
        var seed = args.GetInt("seed", 1);
        var round = TimeSpan.FromSeconds(args.GetSeconds("round-seconds", 60, 5, 3600));
        var limit = TimeSpan.FromMilliseconds(args.GetInt("limit-ms", 200, 10, 60_000));
        var promise = TimeSpan.FromMinutes(args.GetInt("promise-minutes", 45, 10, 600));
        // As the server dispatches: a rider takes orders of stores within this distance of their home store, and only
        // as far from the store as their vehicle goes.
        var zoneKm = args.GetSeconds("zone-km", 3, 0, 100);

        using var api = new Api(16, TimeSpan.FromSeconds(args.GetSeconds("timeout", 30, 1, 600)));
        var stores = await SimStores.FetchAsync(api, url);
        var random = new Random(seed);
        var day = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));
        var orders = SimOrders.Generate(random, stores, orderCount, day, promise);
        var riders = SimRiders.Generate(random, stores, riderCount, day);
        Log.Info($"dispatch-sim: {orders.Count} orders at {stores.Count} delivery stores of {url}, {riders.Count} riders on two shifts, " +
                 $"a planning round every {round.TotalSeconds} s with {limit.TotalMilliseconds} ms to solve, riders within {zoneKm} km of their store");

        var solveTimes = new List<double>();
        var end = day.AddHours(14);
        var rounds = (int)Math.Ceiling((end.AddHours(2) - day) / round);
        using var progress = new Progress("simulated rounds", rounds);
        for (var now = day; now <= end.AddHours(2); now += round)
        {
            foreach (var rider in riders) rider.AdvanceTo(now);
            var open = orders.Where(o => o.ArrivedAt <= now && o.PickedUpAt is null).ToList();
            var working = riders.Where(r => r.Carrying.Count > 0 || (r.ShiftStart <= now && r.ShiftEnd > now.AddMinutes(15))).ToList();
            if (open.Count > 0 || working.Any(r => r.Carrying.Count > 0))
            {
                var watch = Stopwatch.StartNew();
                var plan = Dispatcher.Plan(new DispatchRequest(now, working.Select(r => r.ToDispatch(now)).ToList(),
                    open.Select(o => new OpenOrder(o.Id, o.Store.At, o.DropOff, o.ReadyAt, o.Due)
                    {
                        AllowedRiders = working.Where(r => r.Home.At.KmTo(o.Store.At) <= zoneKm && r.RangeKm >= o.Store.At.KmTo(o.DropOff))
                            .Select(r => r.Id).ToList(),
                    }).ToList()), limit);
                solveTimes.Add(watch.Elapsed.TotalMilliseconds);
                var byId = orders.ToDictionary(o => o.Id);
                foreach (var riderPlan in plan.Riders) working.First(r => r.Id == riderPlan.RiderId).Follow(riderPlan.Stops, byId);
            }
            progress.Increment();
        }
        progress.Finish();
        return SimReport.Build(orders, riders, solveTimes, rounds, url, seed, round, limit, promise, args.Get("label"));
    }
}
