using O2o.Routing;

namespace O2o.Tests.Routing;

/// <summary>
/// The routing library against published benchmark data (copied into Data/ from ../shared/bench-data: Li &amp; Lim and
/// Solomon instances with their best-known solutions): the checker agrees with the published figures and catches every
/// kind of violation, the reader refuses broken files, and the OR-Tools solver returns feasible routes.
/// </summary>
public sealed class RoutingTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Routing", "Data", file);

    private static RoutingInstance Instance(string name, RoutingKind kind) => InstanceReader.Read(Data(name + ".txt"), kind);

    private static RoutingSolution Best(string name) => Feasibility.ParseRoutes(File.ReadAllText(Data(name + ".bks.txt")));

    [Theory]
    [InlineData("lc101", RoutingKind.Pdptw, 10, 828.9369)]
    [InlineData("lr201", RoutingKind.Pdptw, 4, 1253.2340)]
    [InlineData("c101", RoutingKind.Vrptw, 10, 828.9369)]
    public void A_published_best_known_solution_checks_out_with_its_vehicles_and_distance(string name, RoutingKind kind, int vehicles, double distance)
    {
        var report = Feasibility.Check(Instance(name, kind), Best(name));
        Assert.True(report.Feasible, string.Join("; ", report.Violations));
        Assert.Equal(vehicles, report.Vehicles);
        Assert.Equal(distance, report.Distance, 0.005);
    }

    [Fact]
    public void Every_kind_of_violation_is_found()
    {
        var instance = Instance("lc101", RoutingKind.Pdptw);
        var routes = Best("lc101").Routes.Select(r => r.ToList()).ToList();
        var pickup = instance.Nodes.First(n => n.IsPickup && routes[0].Contains(n.Id));

        var swapped = routes.Select(r => r.ToList()).ToList();
        int p = swapped[0].IndexOf(pickup.Id), d = swapped[0].IndexOf(pickup.DeliveryId);
        (swapped[0][p], swapped[0][d]) = (swapped[0][d], swapped[0][p]);
        Assert.Contains(Feasibility.Check(instance, new(swapped)).Violations, v => v.Contains("before its pickup", StringComparison.Ordinal));

        var split = routes.Select(r => r.ToList()).ToList();
        split[0].Remove(pickup.DeliveryId);
        split.Add([pickup.DeliveryId]);
        Assert.Contains(Feasibility.Check(instance, new(split)).Violations, v => v.Contains("different routes", StringComparison.Ordinal));

        var missing = routes.Select(r => r.ToList()).ToList();
        missing[1].RemoveAt(0);
        Assert.Contains(Feasibility.Check(instance, new(missing)).Violations, v => v.Contains("is not visited", StringComparison.Ordinal));

        var reversed = routes.Select((r, i) => i == 0 ? Enumerable.Reverse(r).ToList() : r.ToList()).ToList();
        var late = Feasibility.Check(instance, new(reversed));
        Assert.False(late.Feasible);
        Assert.Contains(late.Violations, v => v.Contains("window closes", StringComparison.Ordinal) || v.Contains("before its pickup", StringComparison.Ordinal));

        var vrptw = Instance("c101", RoutingKind.Vrptw);
        var oneTruck = new RoutingSolution([Best("c101").Routes.SelectMany(r => r).ToList()]);
        var overloaded = Feasibility.Check(vrptw, oneTruck);
        Assert.Contains(overloaded.Violations, v => v.Contains("exceeds capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_instance_file_is_refused_with_its_line()
    {
        var lines = File.ReadAllLines(Data("lc101.txt"));
        var shortLine = lines.ToArray();
        shortLine[5] = "4 42 66 10 65";
        var e = Assert.Throws<InstanceFormatException>(() => InstanceReader.ReadLiLim("bad", shortLine));
        Assert.Contains("bad:6", e.Message, StringComparison.Ordinal);

        var unpaired = lines.ToArray();
        var fields = unpaired[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        fields[3] = "999";
        unpaired[1] = string.Join(' ', fields);
        Assert.Throws<InstanceFormatException>(() => InstanceReader.ReadLiLim("bad", unpaired));
        Assert.Throws<InstanceFormatException>(() => InstanceReader.ReadSolomon("bad", ["C101", "VEHICLE", "NUMBER CAPACITY", "25 200", "CUSTOMER", "0 40 50 0 0 1236 0", "1 45 x 10 912 967 90"]));
    }

    [Theory]
    [InlineData("lc101", RoutingKind.Pdptw)]
    [InlineData("c101", RoutingKind.Vrptw)]
    public void OR_Tools_returns_feasible_routes_within_the_time_limit(string name, RoutingKind kind)
    {
        var instance = Instance(name, kind);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var solution = new OrToolsSolver().Solve(instance, TimeSpan.FromSeconds(3));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        var report = Feasibility.Check(instance, solution);
        Assert.True(report.Feasible, string.Join("; ", report.Violations));
        Assert.InRange(report.Vehicles, 10, 13); // best known 10; tests share the cores with others, so the search gets less than its limit
        var text = solution.ToRouteText();
        Assert.StartsWith("Route 1 : ", text, StringComparison.Ordinal);
        Assert.Equal(report.Distance, Feasibility.Check(instance, Feasibility.ParseRoutes(text)).Distance, 1e-9);
    }
}
