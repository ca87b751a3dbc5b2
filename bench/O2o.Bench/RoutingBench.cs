using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using O2o.Routing;

namespace O2o.Bench;

/// <summary>
/// pdptw / vrptw: solve the published Li &amp; Lim (100 tasks) or Solomon (100 customers) instances with a per-instance
/// time limit, check every solution independently, print <c>name vehicles distance feasible</c> per instance and a summary
/// against the best-known solutions (vehicles first, then distance).
/// </summary>
internal static class RoutingBench
{
    public static readonly string[] Options = ["data", "seconds", "instances", "solver", "solutions", "parallel", "json", "label"];

    private sealed record Bks(int Vehicles, double Distance);

    private sealed record Outcome(string Name, int Vehicles, double Distance, bool Feasible, IReadOnlyList<string> Violations, double Seconds, Bks? Best);

    public static RunResult Run(Args args, RoutingKind kind)
    {
        args.EnsureOnly(Options);
        var verb = kind == RoutingKind.Pdptw ? "pdptw" : "vrptw";
        var data = args.Get("data") ?? FindData(verb);
        var seconds = args.GetSeconds("seconds", 60, 0.1, 3600);
        var parallel = args.GetInt("parallel", 1, 1, 64);
        IRoutingSolver solver = args.Get("solver", "ortools") switch
        {
            "ortools" => new OrToolsSolver(),
            "alns" => new AlnsSolver(),
            var other => throw new UsageException($"Unknown solver '{other}': use ortools or alns."),
        };
        var instances = Directory.GetFiles(Path.Combine(data, "instances"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var wanted = args.GetList("instances");
        if (wanted.Count > 0)
            instances = instances.Where(f => wanted.Any(w => Matches(Path.GetFileNameWithoutExtension(f), w))).ToList();
        if (instances.Count == 0) throw new UsageException($"No instance files under {Path.Combine(data, "instances")} match.");
        var bks = ReadBks(data, kind);
        var solutions = args.Get("solutions");
        if (solutions is not null) Directory.CreateDirectory(solutions);

        Log.Info($"{verb}: {instances.Count} instances from {data}, {Inv.F(seconds)} s each with {solver.Name}, {parallel} at a time" +
                 $" (about {Inv.F(Math.Ceiling(instances.Count / (double)parallel) * seconds / 60)} min)");
        var outcomes = new Outcome[instances.Count];
        using var progress = new Progress($"{verb} solved", instances.Count);
        var console = new Lock();
        Parallel.For(0, instances.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var instance = InstanceReader.Read(instances[i], kind);
            var watch = Stopwatch.StartNew();
            var solution = solver.Solve(instance, TimeSpan.FromSeconds(seconds));
            var report = Feasibility.Check(instance, solution);
            outcomes[i] = new Outcome(instance.Name, report.Vehicles, report.Distance, report.Feasible, report.Violations, watch.Elapsed.TotalSeconds,
                bks.GetValueOrDefault(instance.Name));
            if (solutions is not null) File.WriteAllText(Path.Combine(solutions, instance.Name + ".txt"), solution.ToRouteText());
            lock (console) Console.WriteLine($"{instance.Name} {report.Vehicles} {Inv.F(report.Distance, 2)} {(report.Feasible ? "feasible" : "infeasible")}");
            progress.Increment();
        });
        progress.Finish();
        return Report(verb, outcomes, solver.Name, seconds, args.Get("label"));
    }

    private static RunResult Report(string verb, Outcome[] outcomes, string solver, double seconds, string? label)
    {
        var compared = outcomes.Where(o => o.Best is not null).ToList();
        var sameVehicles = compared.Where(o => o.Feasible && o.Vehicles == o.Best!.Vehicles).ToList();
        var gaps = sameVehicles.Select(o => (o.Distance - o.Best!.Distance) / o.Best.Distance * 100).ToList();
        var feasible = outcomes.Count(o => o.Feasible);
        var summary = $"{verb}: {outcomes.Length} instances, {feasible} feasible, vehicles = best known on {sameVehicles.Count}/{compared.Count}, " +
                      $"mean distance gap {(gaps.Count > 0 ? Inv.F(gaps.Average(), 2) : "-")}% where vehicles match, " +
                      $"{compared.Sum(o => o.Vehicles - o.Best!.Vehicles):+0;-0;0} vehicles in all | {solver}, {Inv.F(seconds)} s each";
        var details = new List<string> { $"  {"instance",-8} {"veh",4} {"distance",10} {"bks veh",8} {"bks dist",10} {"gap %",7}  feasible" };
        foreach (var o in outcomes)
            details.Add($"  {o.Name,-8} {o.Vehicles,4} {Inv.F(o.Distance, 2),10} {o.Best?.Vehicles.ToString(CultureInfo.InvariantCulture) ?? "-",8} " +
                        $"{(o.Best is null ? "-" : Inv.F(o.Best.Distance, 2)),10} {(o.Best is null ? "-" : Inv.F((o.Distance - o.Best.Distance) / o.Best.Distance * 100, 2)),7}  " +
                        (o.Feasible ? "yes" : "NO: " + string.Join("; ", o.Violations.Take(3))));
        var json = new JsonObject
        {
            ["config"] = new JsonObject { ["solver"] = solver, ["secondsPerInstance"] = seconds, ["label"] = label },
            ["figures"] = new JsonObject
            {
                ["instances"] = outcomes.Length, ["feasible"] = feasible, ["vehiclesEqualBest"] = sameVehicles.Count,
                ["meanGapPercentWhereVehiclesMatch"] = gaps.Count > 0 ? Math.Round(gaps.Average(), 3) : null,
                ["extraVehicles"] = compared.Sum(o => o.Vehicles - o.Best!.Vehicles),
            },
            ["instances"] = Json.Array(outcomes, o => new JsonObject
            {
                ["name"] = o.Name, ["vehicles"] = o.Vehicles, ["distance"] = Math.Round(o.Distance, 4), ["feasible"] = o.Feasible,
                ["seconds"] = Math.Round(o.Seconds, 2), ["bksVehicles"] = o.Best?.Vehicles, ["bksDistance"] = o.Best?.Distance,
                ["violations"] = Json.Array(o.Violations.Take(10), v => v),
            }),
        };
        return new RunResult(verb, summary, details, json, feasible == outcomes.Length);
    }

    /// <summary>The best-known table: Li &amp; Lim's <c>li_lim_100_bks.csv</c> or Solomon's <c>solomon_bks_sintef.csv</c>.</summary>
    private static Dictionary<string, Bks> ReadBks(string data, RoutingKind kind)
    {
        var file = Directory.GetFiles(data, "*.csv").FirstOrDefault(f => Path.GetFileName(f).Contains("bks", StringComparison.OrdinalIgnoreCase));
        if (file is null) return [];
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        int name = Array.IndexOf(header, "instance"), vehicles = Array.IndexOf(header, "bks_vehicles"), distance = Array.IndexOf(header, "bks_distance");
        if (name < 0 || vehicles < 0 || distance < 0) throw new UsageException($"{file}: expected columns instance, bks_vehicles and bks_distance.");
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length > distance)
            .ToDictionary(f => f[name], f => new Bks(int.Parse(f[vehicles], CultureInfo.InvariantCulture), double.Parse(f[distance], CultureInfo.InvariantCulture)));
    }

    private static string FindData(string verb)
    {
        foreach (var root in new[] { "..", "../..", "../../..", "." })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, "shared", "bench-data", verb));
            if (Directory.Exists(Path.Combine(candidate, "instances"))) return candidate;
        }
        throw new UsageException($"No ../shared/bench-data/{verb} found from here: pass --data DIR (the folder holding instances/).");
    }

    /// <summary>An exact name, or a prefix ending in '*' (lc1*).</summary>
    private static bool Matches(string name, string pattern) => pattern.EndsWith('*')
        ? name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase);
}
