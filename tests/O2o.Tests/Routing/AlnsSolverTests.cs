using O2o.Routing;

namespace O2o.Tests.Routing;

/// <summary>
/// Our ALNS solver on published instances with a short limit (tests run a Debug build, so it searches less than the
/// bench does): answers pass the independent checker, serve every request once, and reach the best-known vehicle
/// count and a distance close to the best known.
/// </summary>
public sealed class AlnsSolverTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    private static RoutingInstance Instance(string name, RoutingKind kind) =>
        InstanceReader.Read(Path.Combine(AppContext.BaseDirectory, "Routing", "Data", name + ".txt"), kind);

    [Theory]
    [InlineData("lc101", RoutingKind.Pdptw, 10, 828.9369, 1.0)]
    [InlineData("lr201", RoutingKind.Pdptw, 4, 1253.2340, 3.0)]
    [InlineData("c101", RoutingKind.Vrptw, 10, 828.9369, 1.0)]
    public void Reaches_the_best_known_vehicles_and_comes_close_on_distance(string name, RoutingKind kind, int vehicles, double distance, double gapPercent)
    {
        var instance = Instance(name, kind);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var solution = new AlnsSolver().Solve(instance, Limit);
        // Stops at its limit; the slack is for a CI machine where other test classes share the two cores.
        Assert.True(watch.Elapsed < Limit + TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        var report = Feasibility.Check(instance, solution);
        Assert.True(report.Feasible, string.Join("; ", report.Violations));
        var visited = solution.Routes.SelectMany(r => r).Order().ToList();
        Assert.Equal(Enumerable.Range(1, instance.Nodes.Count - 1), visited);
        Assert.Equal(vehicles, report.Vehicles);
        Assert.InRange(report.Distance, distance - 0.01, distance * (1 + gapPercent / 100));
    }

    [Fact]
    public void Keeps_each_pickup_before_its_delivery_on_one_route_and_within_the_fleet()
    {
        var instance = Instance("lr201", RoutingKind.Pdptw);
        var solution = new AlnsSolver(seed: 7).Solve(instance, TimeSpan.FromSeconds(1));
        Assert.True(solution.Vehicles <= instance.MaxVehicles);
        foreach (var pickup in instance.Nodes.Where(n => n.IsPickup))
        {
            var route = Assert.Single(solution.Routes, r => r.Contains(pickup.Id));
            Assert.Contains(pickup.DeliveryId, route);
            Assert.True(route.ToList().IndexOf(pickup.Id) < route.ToList().IndexOf(pickup.DeliveryId));
        }
    }
}
