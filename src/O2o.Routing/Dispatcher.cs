using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace O2o.Routing;

/// <summary>
/// Plans a dispatch round with OR-Tools' routing solver: an open-ended route per rider from where they are (the route's
/// end is a free dummy node), a time dimension per rider speed in seconds from now, load from what each rider already
/// carries, promised times as soft bounds (lateness costs, so it is kept small rather than refused), and every open
/// order optional at a high price, so what cannot be done now waits for the next round instead of failing the plan.
/// </summary>
public static class Dispatcher
{
    private const long LatenessCostPerSecond = 20;
    private const long UnassignedCost = 10_000_000;
    private const long AfterShiftCostPerSecond = 5;

    private enum NodeKind { End, Start, CarriedDrop, PickUp, Drop }

    private sealed record Node(NodeKind Kind, GeoPoint At, string? OrderId, int LoadChange, long ReadySeconds, long DueSeconds, int? Rider);

    public static DispatchPlan Plan(DispatchRequest request, TimeSpan limit)
    {
        if (request.Riders.Count == 0) return new DispatchPlan([], request.Orders.Select(o => o.OrderId).ToList());
        var now = request.Now;
        long Seconds(DateTimeOffset at) => Math.Max(0, (long)(at - now).TotalSeconds);
        var nodes = new List<Node> { new(NodeKind.End, new GeoPoint(0, 0), null, 0, 0, 0, null) };
        var starts = new int[request.Riders.Count];
        for (var v = 0; v < request.Riders.Count; v++)
        {
            starts[v] = nodes.Count;
            nodes.Add(new Node(NodeKind.Start, request.Riders[v].Position, null, 0, 0, 0, v));
        }
        for (var v = 0; v < request.Riders.Count; v++)
            foreach (var c in request.Riders[v].Carrying)
                nodes.Add(new Node(NodeKind.CarriedDrop, c.DropOff, c.OrderId, -c.Size, 0, Seconds(c.DueBy), v));
        var pairs = new List<(int PickUp, int Drop, OpenOrder Order)>();
        var riderIndex = request.Riders.Select((r, i) => (r.RiderId, i)).ToDictionary(x => x.RiderId, x => x.i);
        foreach (var o in request.Orders)
        {
            pairs.Add((nodes.Count, nodes.Count + 1, o));
            nodes.Add(new Node(NodeKind.PickUp, o.PickUp, o.OrderId, o.Size, Seconds(o.ReadyAt), 0, null));
            nodes.Add(new Node(NodeKind.Drop, o.DropOff, o.OrderId, -o.Size, 0, Seconds(o.DueBy), null));
        }

        var manager = new RoutingIndexManager(nodes.Count, request.Riders.Count, starts, new int[request.Riders.Count]);
        var routing = new RoutingModel(manager);
        var stop = (long)request.StopTime.TotalSeconds;
        var horizon = Math.Max(Seconds(request.Riders.Max(r => r.ShiftEndsAt)), 0) + 6 * 3600;
        var callbacks = new List<LongLongToLong>();
        var transits = new int[request.Riders.Count];
        for (var v = 0; v < request.Riders.Count; v++)
        {
            var metresPerSecond = Math.Max(request.Riders[v].SpeedKmh, 1) / 3.6;
            long Travel(long from, long to)
            {
                Node a = nodes[manager.IndexToNode(from)], b = nodes[manager.IndexToNode(to)];
                if (b.Kind == NodeKind.End) return 0;
                var service = a.Kind is NodeKind.Start ? 0 : stop;
                return service + (long)Math.Ceiling(a.At.KmTo(b.At) * 1000 * request.DetourFactor / metresPerSecond);
            }
            LongLongToLong callback = Travel;
            callbacks.Add(callback);
            transits[v] = routing.RegisterTransitCallback(callback);
            routing.SetArcCostEvaluatorOfVehicle(transits[v], v);
        }
        routing.AddDimensionWithVehicleTransits(transits, horizon, horizon, false, "Time");
        var time = routing.GetMutableDimension("Time");

        LongToLong loadChange = index => nodes[manager.IndexToNode(index)].LoadChange;
        routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitCallback(loadChange), 0,
            request.Riders.Select(r => (long)Math.Max(r.Capacity, r.Carrying.Sum(c => c.Size))).ToArray(), false, "Load");
        var load = routing.GetMutableDimension("Load");
        for (var v = 0; v < request.Riders.Count; v++)
        {
            load.CumulVar(routing.Start(v)).SetValue(request.Riders[v].Carrying.Sum(c => c.Size));
            time.CumulVar(routing.Start(v)).SetValue(Math.Min(Seconds(request.Riders[v].FreeAt ?? now), horizon));
            time.SetCumulVarSoftUpperBound(routing.End(v), Seconds(request.Riders[v].ShiftEndsAt), AfterShiftCostPerSecond);
        }

        var solver = routing.solver();
        for (var i = 1; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var index = manager.NodeToIndex(i);
            if (node.Kind == NodeKind.Start) continue;
            if (node.Kind == NodeKind.CarriedDrop) routing.VehicleVar(index).SetValue(node.Rider!.Value);
            if (node.Kind == NodeKind.PickUp) time.CumulVar(index).SetMin(node.ReadySeconds);
            if (node.Kind is NodeKind.Drop or NodeKind.CarriedDrop) time.SetCumulVarSoftUpperBound(index, node.DueSeconds, LatenessCostPerSecond);
        }
        foreach (var (pickUp, drop, order) in pairs)
        {
            long p = manager.NodeToIndex(pickUp), d = manager.NodeToIndex(drop);
            routing.AddPickupAndDelivery(p, d);
            solver.Add(solver.MakeEquality(routing.VehicleVar(p), routing.VehicleVar(d)));
            solver.Add(solver.MakeLessOrEqual(time.CumulVar(p), time.CumulVar(d)));
            // A bound order is one the rider already has: dropping it would silently take it away from them.
            var bound = order.BoundTo is { } rider && riderIndex.TryGetValue(rider, out var boundIndex) ? boundIndex : (int?)null;
            if (bound is { } v)
            {
                routing.VehicleVar(p).SetValues([-1, v]);
                routing.VehicleVar(d).SetValues([-1, v]);
                routing.AddDisjunction([p], UnassignedCost * 10);
                routing.AddDisjunction([d], UnassignedCost * 10);
                continue;
            }
            if (order.AllowedRiders is { } allowed)
            {
                var vehicles = allowed.Where(riderIndex.ContainsKey).Select(r => riderIndex[r]).ToArray();
                routing.AddDisjunction([p], UnassignedCost);
                routing.AddDisjunction([d], UnassignedCost);
                // Nobody allowed: the order waits for the next round.
                if (vehicles.Length == 0)
                {
                    routing.ActiveVar(p).SetValue(0);
                    routing.ActiveVar(d).SetValue(0);
                    continue;
                }
                // -1 is "not served", which the disjunction allows.
                long[] domain = [-1, .. vehicles.Select(x => (long)x)];
                routing.VehicleVar(p).SetValues(domain);
                routing.VehicleVar(d).SetValues(domain);
                continue;
            }
            routing.AddDisjunction([p], UnassignedCost);
            routing.AddDisjunction([d], UnassignedCost);
        }

        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        // Sequential insertion finds a first plan fast enough for a round of a second or less; guided local search improves it.
        search.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.LocalCheapestInsertion;
        search.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        search.TimeLimit = Duration.FromTimeSpan(limit);
        var assignment = routing.SolveWithParameters(search);
        GC.KeepAlive(callbacks);
        GC.KeepAlive(loadChange);
        if (assignment is null) return CarriedOnly(request);

        var plans = new List<RiderPlan>();
        var served = new HashSet<string>();
        for (var v = 0; v < request.Riders.Count; v++)
        {
            var stops = new List<PlannedStop>();
            for (var index = assignment.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = assignment.Value(routing.NextVar(index)))
            {
                var node = nodes[manager.IndexToNode(index)];
                stops.Add(new PlannedStop(node.OrderId!, node.Kind == NodeKind.PickUp ? StopKind.PickUp : StopKind.DropOff, node.At,
                    now.AddSeconds(assignment.Min(time.CumulVar(index)))));
                served.Add(node.OrderId!);
            }
            plans.Add(new RiderPlan(request.Riders[v].RiderId, stops));
        }
        return new DispatchPlan(plans, request.Orders.Where(o => !served.Contains(o.OrderId)).Select(o => o.OrderId).ToList());
    }

    /// <summary>When no plan is found in time, riders still hand over what they carry (nearest first) and new orders wait a round.</summary>
    private static DispatchPlan CarriedOnly(DispatchRequest request)
    {
        var plans = request.Riders.Select(r =>
        {
            var at = r.Position;
            var clock = r.FreeAt is { } free && free > request.Now ? free : request.Now;
            var stops = new List<PlannedStop>();
            var left = r.Carrying.ToList();
            while (left.Count > 0)
            {
                var next = left.MinBy(c => at.KmTo(c.DropOff))!;
                clock = clock.AddSeconds(at.KmTo(next.DropOff) * 1000 * request.DetourFactor / (Math.Max(r.SpeedKmh, 1) / 3.6));
                stops.Add(new PlannedStop(next.OrderId, StopKind.DropOff, next.DropOff, clock));
                clock += request.StopTime;
                at = next.DropOff;
                left.Remove(next);
            }
            return new RiderPlan(r.RiderId, stops);
        }).ToList();
        return new DispatchPlan(plans, request.Orders.Select(o => o.OrderId).ToList());
    }
}
