using System.Text.Json.Nodes;

namespace O2o.Bench;

internal static class SimReport
{
    public static RunResult Build(List<SimOrder> orders, List<SimRider> riders, List<double> solveTimes, int rounds, string url, int seed,
        TimeSpan round, TimeSpan limit, TimeSpan promise, string? label)
    {
        var delivered = orders.Where(o => o.DeliveredAt is not null).ToList();
        var onTime = delivered.Count(o => o.DeliveredAt <= o.Due);
        var minutes = delivered.Select(o => (o.DeliveredAt!.Value - o.ArrivedAt).TotalMinutes).Order().ToList();
        double P(double p) => minutes.Count == 0 ? 0 : minutes[Math.Clamp((int)Math.Ceiling(p / 100 * minutes.Count) - 1, 0, minutes.Count - 1)];
        var shiftSeconds = riders.Sum(r => (r.ShiftEnd - r.ShiftStart).TotalSeconds);
        var utilisation = riders.Sum(r => r.BusySeconds) / shiftSeconds;
        var km = riders.Sum(r => r.Km);
        var co2 = riders.Sum(r => r.Km * DispatchSimulation.Vehicles[r.Vehicle].Co2GramsPerKm);
        var solves = solveTimes.Order().ToList();
        double S(double p) => solves.Count == 0 ? 0 : solves[Math.Clamp((int)Math.Ceiling(p / 100 * solves.Count) - 1, 0, solves.Count - 1)];
        var perOrder = delivered.Count == 0 ? 0 : km / delivered.Count;

        var summary = $"dispatch-sim: {Inv.N(orders.Count)} orders, {riders.Count} riders | on time {Inv.F(100.0 * onTime / Math.Max(delivered.Count, 1))}% " +
                      $"| delivered {Inv.N(delivered.Count)} (undelivered {Inv.N(orders.Count - delivered.Count)}) | mean {Inv.F(minutes.DefaultIfEmpty().Average())} min " +
                      $"(p90 {Inv.F(P(90))}) | riders busy {Inv.F(utilisation * 100)}% of shift time | {Inv.F(perOrder, 2)} km/order | {Inv.F(delivered.Count == 0 ? 0 : co2 / delivered.Count)} g CO₂/order";
        var details = new List<string>
        {
            $"  promise {promise.TotalMinutes} min after ordering; orders ready 5-15 min after ordering; travel = straight line × 1.3",
            $"  delivery time (order to door) p50 {Inv.F(P(50))}  p90 {Inv.F(P(90))}  p99 {Inv.F(P(99))}  max {Inv.F(P(100))} min",
            $"  riders: {string.Join(", ", riders.GroupBy(r => r.Vehicle).Select(g => $"{g.Count()} {g.Key} ({Inv.N(g.Sum(r => r.Delivered))} orders, {Inv.F(g.Sum(r => r.Km))} km)"))}",
            $"  planning: {Inv.N(solveTimes.Count)} rounds of {Inv.N(rounds)} solved, every {round.TotalSeconds} s with a {limit.TotalMilliseconds} ms limit; " +
            $"solve p50 {Inv.F(S(50))} p99 {Inv.F(S(99))} ms",
        };
        var json = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["url"] = url, ["orders"] = orders.Count, ["riders"] = riders.Count, ["seed"] = seed, ["roundSeconds"] = round.TotalSeconds,
                ["limitMs"] = limit.TotalMilliseconds, ["promiseMinutes"] = promise.TotalMinutes, ["label"] = label,
            },
            ["figures"] = new JsonObject
            {
                ["delivered"] = delivered.Count, ["onTimeRate"] = Math.Round((double)onTime / Math.Max(delivered.Count, 1), 4),
                ["meanDeliveryMinutes"] = Math.Round(minutes.DefaultIfEmpty().Average(), 2), ["p90DeliveryMinutes"] = Math.Round(P(90), 2),
                ["riderUtilisation"] = Math.Round(utilisation, 4), ["kmPerOrder"] = Math.Round(perOrder, 3),
                ["co2GramsPerOrder"] = Math.Round(delivered.Count == 0 ? 0 : co2 / delivered.Count, 1),
                ["solveP50Ms"] = Math.Round(S(50), 1), ["solveP99Ms"] = Math.Round(S(99), 1),
            },
        };
        return new RunResult("dispatch-sim", summary, details, json, delivered.Count == orders.Count);
    }
}
