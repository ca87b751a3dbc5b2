namespace O2o.Routing;

/// <summary>One route per available vehicle (empty ones unused) and where each request is; -1 for a request not served.</summary>
internal sealed class AlnsSolution
{
    private readonly AlnsProblem _problem;
    public readonly AlnsRoute[] Routes;
    public readonly int[] RouteOf;

    public AlnsSolution(AlnsProblem problem)
    {
        _problem = problem;
        Routes = new AlnsRoute[problem.MaxVehicles];
        for (var r = 0; r < Routes.Length; r++) Routes[r] = new AlnsRoute(problem);
        RouteOf = new int[problem.RequestCount];
        Array.Fill(RouteOf, -1);
    }

    public int UsedRoutes
    {
        get
        {
            var used = 0;
            foreach (var route in Routes)
                if (route.Count > 0) used++;
            return used;
        }
    }

    public double Distance
    {
        get
        {
            double total = 0;
            foreach (var route in Routes)
                if (route.Count > 0) total += route.Distance;
            return total;
        }
    }

    public int Unassigned
    {
        get
        {
            var count = 0;
            foreach (var r in RouteOf)
                if (r < 0) count++;
            return count;
        }
    }

    public void CopyFrom(AlnsSolution other)
    {
        for (var r = 0; r < Routes.Length; r++) Routes[r].CopyFrom(other.Routes[r]);
        Array.Copy(other.RouteOf, RouteOf, RouteOf.Length);
    }

    public void Insert(int request, int route, int afterFirst, int afterSecond)
    {
        var target = Routes[route];
        target.InsertAt(afterFirst + 1, _problem.First[request]);
        var second = _problem.Second[request];
        if (second != 0) target.InsertAt(afterSecond + 2, second);
        target.Refresh();
        RouteOf[request] = route;
    }

    /// <summary>Takes a request off its route without refreshing the route's times: refresh every touched route after.</summary>
    public int TakeOut(int request)
    {
        var route = RouteOf[request];
        var target = Routes[route];
        target.RemoveNode(_problem.First[request]);
        var second = _problem.Second[request];
        if (second != 0) target.RemoveNode(second);
        RouteOf[request] = -1;
        return route;
    }

    public RoutingSolution ToRoutingSolution()
    {
        var routes = new List<IReadOnlyList<int>>();
        foreach (var route in Routes)
        {
            if (route.Count == 0) continue;
            var nodes = new int[route.Count];
            Array.Copy(route.Nodes, 1, nodes, 0, route.Count);
            routes.Add(nodes);
        }
        return new RoutingSolution(routes);
    }
}
