namespace O2o.Routing;

/// <summary>What an independent check of a solution found: feasible or not (with every violation), its vehicles and distance.</summary>
public sealed record FeasibilityReport(bool Feasible, int Vehicles, double Distance, IReadOnlyList<string> Violations);

/// <summary>
/// Checks a solution against its instance exactly as the benchmarks define it, in double precision: every node once,
/// capacity never exceeded, service within every window (waiting allowed), back at the depot in time, and for
/// pickup-and-delivery each pair on one route with the pickup first.
/// </summary>
public static class Feasibility
{
    /// <summary>Floating-point slack only: published best-known solutions pass with it, and nothing late by more does.</summary>
    private const double Epsilon = 1e-6;

    public static FeasibilityReport Check(RoutingInstance instance, RoutingSolution solution)
    {
        var violations = new List<string>();
        var seen = new int[instance.Nodes.Count];
        var routeOf = new int[instance.Nodes.Count];
        var positionOf = new int[instance.Nodes.Count];
        double total = 0;
        var used = solution.Routes.Where(r => r.Count > 0).ToList();
        if (used.Count > instance.MaxVehicles) violations.Add($"{used.Count} vehicles used, {instance.MaxVehicles} available");

        for (var r = 0; r < used.Count; r++)
        {
            var route = used[r];
            double time = instance.Depot.Ready, load = 0;
            var previous = 0;
            if (instance.Kind == RoutingKind.Vrptw)
            {
                load = route.Where(id => id > 0 && id < instance.Nodes.Count).Sum(id => instance.Nodes[id].Demand);
                if (load > instance.Capacity) violations.Add($"route {r + 1}: load {load} exceeds capacity {instance.Capacity}");
            }
            for (var k = 0; k < route.Count; k++)
            {
                var id = route[k];
                if (id <= 0 || id >= instance.Nodes.Count)
                {
                    violations.Add($"route {r + 1}: {id} is not a customer node");
                    continue;
                }
                seen[id]++;
                routeOf[id] = r;
                positionOf[id] = k;
                var node = instance.Nodes[id];
                total += instance.Distance(previous, id);
                time = Math.Max(time + instance.Distance(previous, id), node.Ready);
                if (time > node.Due + Epsilon) violations.Add($"route {r + 1}: node {id} served at {time:0.###}, after its window closes at {node.Due}");
                time += node.Service;
                if (instance.Kind == RoutingKind.Pdptw)
                {
                    load += node.Demand;
                    if (load > instance.Capacity) violations.Add($"route {r + 1}: load {load} after node {id} exceeds capacity {instance.Capacity}");
                }
                previous = id;
            }
            total += instance.Distance(previous, 0);
            time += instance.Distance(previous, 0);
            if (time > instance.Depot.Due + Epsilon) violations.Add($"route {r + 1}: back at the depot at {time:0.###}, after {instance.Depot.Due}");
        }

        for (var id = 1; id < instance.Nodes.Count; id++)
        {
            if (seen[id] != 1) violations.Add(seen[id] == 0 ? $"node {id} is not visited" : $"node {id} is visited {seen[id]} times");
            var node = instance.Nodes[id];
            if (instance.Kind != RoutingKind.Pdptw || !node.IsPickup || seen[id] != 1 || seen[node.DeliveryId] != 1) continue;
            if (routeOf[id] != routeOf[node.DeliveryId]) violations.Add($"pickup {id} and its delivery {node.DeliveryId} are on different routes");
            else if (positionOf[id] > positionOf[node.DeliveryId]) violations.Add($"delivery {node.DeliveryId} comes before its pickup {id}");
        }
        return new FeasibilityReport(violations.Count == 0, used.Count, total, violations);
    }

    /// <summary>Reads routes in the SINTEF format (<c>Route 1 : 81 78 104</c>), ignoring header lines.</summary>
    public static RoutingSolution ParseRoutes(string text) => new(text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.StartsWith("Route", StringComparison.OrdinalIgnoreCase) && l.Contains(':', StringComparison.Ordinal))
        .Select(l => (IReadOnlyList<int>)l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList())
        .ToList());
}
