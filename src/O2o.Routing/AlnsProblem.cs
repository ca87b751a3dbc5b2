namespace O2o.Routing;

/// <summary>
/// An instance as flat arrays for the solver's hot loops. A request is what must ride one vehicle: a pickup with its
/// delivery (Li &amp; Lim) or a single customer (Solomon); <see cref="First"/> and <see cref="Second"/> name its nodes.
/// </summary>
internal sealed class AlnsProblem
{
    /// <summary>
    /// Below <see cref="Feasibility"/>'s 1e-6 on purpose: cached slack and a forward pass add in a different order, and
    /// an insertion we accept must never come out late by the checker's rules.
    /// </summary>
    public const double Epsilon = 1e-7;

    public readonly int NodeCount;
    public readonly bool Paired;
    public readonly int Capacity;
    public readonly int MaxVehicles;
    public readonly double[] Distance;
    public readonly double[] Ready;
    public readonly double[] Due;
    public readonly double[] Service;
    public readonly int[] Demand;
    public readonly int[] First;
    /// <summary>The delivery of a pickup-and-delivery request; 0 for a single customer.</summary>
    public readonly int[] Second;
    public readonly int[] RequestOfNode;
    public readonly double MaxDistance;
    public readonly double Horizon;
    public readonly int VehicleLowerBound;

    public AlnsProblem(RoutingInstance instance)
    {
        var nodes = instance.Nodes;
        var n = nodes.Count;
        NodeCount = n;
        Paired = instance.Kind == RoutingKind.Pdptw;
        Capacity = instance.Capacity;
        MaxVehicles = instance.MaxVehicles;
        Distance = new double[n * n];
        Ready = new double[n];
        Due = new double[n];
        Service = new double[n];
        Demand = new int[n];
        RequestOfNode = new int[n];
        for (var i = 0; i < n; i++)
        {
            Ready[i] = nodes[i].Ready;
            Due[i] = nodes[i].Due;
            Service[i] = nodes[i].Service;
            Demand[i] = i == 0 ? 0 : nodes[i].Demand;
            RequestOfNode[i] = -1;
            for (var j = 0; j < n; j++)
            {
                var d = instance.Distance(i, j);
                Distance[i * n + j] = d;
                if (d > MaxDistance) MaxDistance = d;
            }
        }

        var first = new List<int>();
        var second = new List<int>();
        long totalDemand = 0;
        for (var id = 1; id < n; id++)
        {
            var node = nodes[id];
            totalDemand += Math.Max(0, node.Demand);
            if (Paired && node.IsDelivery) continue;
            RequestOfNode[id] = first.Count;
            if (Paired && node.IsPickup) RequestOfNode[node.DeliveryId] = first.Count;
            first.Add(id);
            second.Add(Paired && node.IsPickup ? node.DeliveryId : 0);
        }
        First = first.ToArray();
        Second = second.ToArray();
        Horizon = Math.Max(1, Due[0] - Ready[0]);
        // Pickups and deliveries can share a vehicle's capacity over time, so only single customers give a bound.
        VehicleLowerBound = Paired ? 1 : (int)Math.Max(1, Math.Ceiling(totalDemand / (double)Math.Max(1, Capacity)));
    }

    public int RequestCount => First.Length;

    public double D(int from, int to) => Distance[from * NodeCount + to];
}
