using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace O2o.Routing;

/// <summary>A solver of routing problems within a time limit.</summary>
public interface IRoutingSolver
{
    string Name { get; }
    RoutingSolution Solve(RoutingInstance instance, TimeSpan limit);
}

/// <summary>
/// Google OR-Tools' routing solver as documented for these problems: cheapest insertion for a first solution, then its
/// guided local search until the time limit. OR-Tools works in integers, so distances and times are scaled by
/// <see cref="Scale"/>; travel times round up and windows inward, so whatever it returns is feasible in double precision.
/// A fixed cost per used vehicle larger than any route set's distance makes it minimise vehicles first.
/// </summary>
public sealed class OrToolsSolver : IRoutingSolver
{
    public const long Scale = 1000;
    private const long VehicleCost = 100_000_000_000;

    public string Name => "ortools-gls";

    public RoutingSolution Solve(RoutingInstance instance, TimeSpan limit)
    {
        var nodes = instance.Nodes;
        var n = nodes.Count;
        var manager = new RoutingIndexManager(n, instance.MaxVehicles, 0);
        var routing = new RoutingModel(manager);

        long Distance(long from, long to) => (long)Math.Round(instance.Distance(manager.IndexToNode(from), manager.IndexToNode(to)) * Scale);
        long Travel(long from, long to)
        {
            int a = manager.IndexToNode(from), b = manager.IndexToNode(to);
            return (long)Math.Ceiling(nodes[a].Service * Scale) + (long)Math.Ceiling(instance.Distance(a, b) * Scale);
        }
        long Demand(long index) => nodes[manager.IndexToNode(index)].Demand;
        // The native solver calls back into these delegates: keep them referenced until it is done.
        LongLongToLong distance = Distance, travel = Travel;
        LongToLong demand = Demand;

        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(distance));
        routing.SetFixedCostOfAllVehicles(VehicleCost);
        routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitCallback(demand), 0,
            Enumerable.Repeat((long)instance.Capacity, instance.MaxVehicles).ToArray(), instance.Kind == RoutingKind.Vrptw, "Load");
        var horizon = (long)Math.Floor(instance.Depot.Due * Scale);
        routing.AddDimension(routing.RegisterTransitCallback(travel), horizon, horizon, false, "Time");
        var time = routing.GetMutableDimension("Time");
        for (var id = 1; id < n; id++)
            time.CumulVar(manager.NodeToIndex(id)).SetRange((long)Math.Ceiling(nodes[id].Ready * Scale), (long)Math.Floor(nodes[id].Due * Scale));
        for (var v = 0; v < instance.MaxVehicles; v++)
        {
            time.CumulVar(routing.Start(v)).SetRange((long)Math.Ceiling(instance.Depot.Ready * Scale), horizon);
            time.CumulVar(routing.End(v)).SetRange((long)Math.Ceiling(instance.Depot.Ready * Scale), horizon);
        }

        if (instance.Kind == RoutingKind.Pdptw)
        {
            var solver = routing.solver();
            foreach (var pickup in nodes.Where(x => x.IsPickup))
            {
                long p = manager.NodeToIndex(pickup.Id), d = manager.NodeToIndex(pickup.DeliveryId);
                routing.AddPickupAndDelivery(p, d);
                solver.Add(solver.MakeEquality(routing.VehicleVar(p), routing.VehicleVar(d)));
                solver.Add(solver.MakeLessOrEqual(time.CumulVar(p), time.CumulVar(d)));
            }
        }

        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = instance.Kind == RoutingKind.Pdptw
            ? FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion
            : FirstSolutionStrategy.Types.Value.PathCheapestArc;
        search.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        search.TimeLimit = Duration.FromTimeSpan(limit);
        var assignment = routing.SolveWithParameters(search);
        GC.KeepAlive(distance);
        GC.KeepAlive(travel);
        GC.KeepAlive(demand);
        if (assignment is null) return new RoutingSolution([]);

        var routes = new List<IReadOnlyList<int>>();
        for (var v = 0; v < instance.MaxVehicles; v++)
        {
            var route = new List<int>();
            for (var index = assignment.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = assignment.Value(routing.NextVar(index)))
                route.Add(manager.IndexToNode(index));
            if (route.Count > 0) routes.Add(route);
        }
        return new RoutingSolution(routes);
    }
}
