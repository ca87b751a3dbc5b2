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
    public static readonly string[] Options = ["url", "orders", "riders", "seed", "round-seconds", "limit-ms", "promise-minutes", "json", "label", "timeout"];

    /// <summary>Assumed per vehicle: speed in town, orders carried, grams of CO₂ per km (electric ones from the grid).</summary>
    internal static readonly Dictionary<string, (double SpeedKmh, int Capacity, double Co2GramsPerKm)> Vehicles = new()
    {
        ["ebike"] = (18, 4, 8), ["scooter"] = (25, 4, 60), ["car"] = (30, 10, 160), ["walking"] = (5, 2, 0), ["robot"] = (6, 3, 5),
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

        using var api = new Api(16, TimeSpan.FromSeconds(args.GetSeconds("timeout", 30, 1, 600)));
        var stores = await SimStores.FetchAsync(api, url);
        var random = new Random(seed);
        var day = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));
        var orders = SimOrders.Generate(random, stores, orderCount, day, promise);
        var riders = SimRiders.Generate(random, stores, riderCount, day);
        Log.Info($"dispatch-sim: {orders.Count} orders at {stores.Count} delivery stores of {url}, {riders.Count} riders on two shifts, " +
                 $"a planning round every {round.TotalSeconds} s with {limit.TotalMilliseconds} ms to solve");

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
                    open.Select(o => new OpenOrder(o.Id, o.Store.At, o.DropOff, o.ReadyAt, o.Due)).ToList()), limit);
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
