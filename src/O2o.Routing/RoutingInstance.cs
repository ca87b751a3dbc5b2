namespace O2o.Routing;

/// <summary>
/// A place to visit. Node 0 is the depot. For pickup-and-delivery, a pickup names its delivery in <see cref="DeliveryId"/>
/// and the delivery names its pickup in <see cref="PickupId"/> (0 when none); a delivery's demand is negative.
/// </summary>
public sealed record RoutingNode(int Id, double X, double Y, int Demand, double Ready, double Due, double Service, int PickupId = 0, int DeliveryId = 0)
{
    public bool IsPickup => DeliveryId > 0;
    public bool IsDelivery => PickupId > 0;
}

/// <summary>
/// A routing problem with time windows: identical vehicles of <see cref="Capacity"/> start and end at node 0, travel time
/// equals Euclidean distance, a vehicle may wait for a window to open, service must start by the window's end, and
/// every vehicle is back at the depot by its due time. Hierarchical objective: fewest vehicles, then shortest distance.
/// </summary>
public sealed class RoutingInstance
{
    public RoutingInstance(string name, RoutingKind kind, int maxVehicles, int capacity, IReadOnlyList<RoutingNode> nodes)
    {
        Name = name;
        Kind = kind;
        MaxVehicles = maxVehicles;
        Capacity = capacity;
        Nodes = nodes;
        var n = nodes.Count;
        _distance = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                _distance[i * n + j] = Math.Sqrt(Math.Pow(nodes[i].X - nodes[j].X, 2) + Math.Pow(nodes[i].Y - nodes[j].Y, 2));
    }

    private readonly double[] _distance;

    public string Name { get; }
    public RoutingKind Kind { get; }
    public int MaxVehicles { get; }
    public int Capacity { get; }
    /// <summary>Indexed by id: <c>Nodes[0]</c> is the depot.</summary>
    public IReadOnlyList<RoutingNode> Nodes { get; }

    public RoutingNode Depot => Nodes[0];

    public double Distance(int from, int to) => _distance[from * Nodes.Count + to];
}

public enum RoutingKind
{
    /// <summary>Capacitated vehicle routing with time windows (Solomon).</summary>
    Vrptw,
    /// <summary>Pickup and delivery with time windows (Li &amp; Lim): each pair on one vehicle, pickup first.</summary>
    Pdptw,
}

/// <summary>Routes as visited, each without the depot at either end; empty routes are unused vehicles.</summary>
public sealed record RoutingSolution(IReadOnlyList<IReadOnlyList<int>> Routes)
{
    public int Vehicles => Routes.Count(r => r.Count > 0);

    /// <summary>The SINTEF/Li &amp; Lim route format: one line per used vehicle, <c>Route 1 : 81 78 104 ...</c>.</summary>
    public string ToRouteText() =>
        string.Join('\n', Routes.Where(r => r.Count > 0).Select((r, i) => $"Route {i + 1} : {string.Join(' ', r)}")) + "\n";
}

/// <summary>An instance file that cannot be read; names the file's line.</summary>
public sealed class InstanceFormatException(string message) : Exception(message);
