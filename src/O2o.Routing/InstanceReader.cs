using System.Globalization;

namespace O2o.Routing;

/// <summary>Reads the Li &amp; Lim (PDPTW) and Solomon (VRPTW) text formats, refusing anything inconsistent with a clear message.</summary>
public static class InstanceReader
{
    public static RoutingInstance Read(string path, RoutingKind kind)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var lines = File.ReadAllLines(path);
        return kind == RoutingKind.Pdptw ? ReadLiLim(name, lines) : ReadSolomon(name, lines);
    }

    /// <summary>Line 1 <c>K Q S</c>; then <c>id x y demand ready due service pickup delivery</c> per node, depot first.</summary>
    public static RoutingInstance ReadLiLim(string name, IReadOnlyList<string> lines)
    {
        var rows = Rows(name, lines).ToList();
        if (rows.Count < 3) throw new InstanceFormatException($"{name}: expected a header line and at least a depot and one pair.");
        var (headerLine, header) = rows[0];
        if (header.Length < 2) throw new InstanceFormatException($"{name}:{headerLine}: the header must be 'vehicles capacity speed'.");
        var nodes = new List<RoutingNode>();
        foreach (var (line, f) in rows.Skip(1))
        {
            if (f.Length != 9) throw new InstanceFormatException($"{name}:{line}: expected 9 numbers (id x y demand ready due service pickup delivery), found {f.Length}.");
            var id = Int(name, line, f[0]);
            if (id != nodes.Count) throw new InstanceFormatException($"{name}:{line}: node ids must run 0, 1, 2, ...; found {id} where {nodes.Count} was expected.");
            nodes.Add(new RoutingNode(id, Num(name, line, f[1]), Num(name, line, f[2]), Int(name, line, f[3]), Num(name, line, f[4]), Num(name, line, f[5]),
                Num(name, line, f[6]), Int(name, line, f[7]), Int(name, line, f[8])));
        }
        foreach (var node in nodes.Skip(1))
        {
            var partnerId = node.IsPickup ? node.DeliveryId : node.PickupId;
            if (partnerId <= 0 || partnerId >= nodes.Count || node.IsPickup == node.IsDelivery)
                throw new InstanceFormatException($"{name}: node {node.Id} must name exactly one existing pickup or delivery partner.");
            var partner = nodes[partnerId];
            if ((node.IsPickup ? partner.PickupId : partner.DeliveryId) != node.Id || partner.Demand != -node.Demand)
                throw new InstanceFormatException($"{name}: nodes {node.Id} and {partnerId} are not a matching pickup and delivery (ids or demands differ).");
        }
        return Validate(new RoutingInstance(name, RoutingKind.Pdptw, Int(name, headerLine, header[0]), Int(name, headerLine, header[1]), nodes));
    }

    /// <summary>Name, then VEHICLE (number, capacity) and CUSTOMER sections; <c>no x y demand ready due service</c> per node, depot first.</summary>
    public static RoutingInstance ReadSolomon(string name, IReadOnlyList<string> lines)
    {
        var numeric = Rows(name, lines).Where(r => r.Fields.All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToList();
        if (numeric.Count < 3) throw new InstanceFormatException($"{name}: expected the vehicle line and at least a depot and one customer.");
        var (vehicleLine, vehicle) = numeric[0];
        if (vehicle.Length != 2) throw new InstanceFormatException($"{name}:{vehicleLine}: the vehicle line must be 'number capacity'.");
        var nodes = new List<RoutingNode>();
        foreach (var (line, f) in numeric.Skip(1))
        {
            if (f.Length != 7) throw new InstanceFormatException($"{name}:{line}: expected 7 numbers (no x y demand ready due service), found {f.Length}.");
            var id = Int(name, line, f[0]);
            if (id != nodes.Count) throw new InstanceFormatException($"{name}:{line}: customer numbers must run 0, 1, 2, ...; found {id} where {nodes.Count} was expected.");
            nodes.Add(new RoutingNode(id, Num(name, line, f[1]), Num(name, line, f[2]), Int(name, line, f[3]), Num(name, line, f[4]), Num(name, line, f[5]), Num(name, line, f[6])));
        }
        if (nodes.Skip(1).FirstOrDefault(n => n.Demand < 0) is { } negative)
            throw new InstanceFormatException($"{name}: customer {negative.Id} has a negative demand.");
        return Validate(new RoutingInstance(name, RoutingKind.Vrptw, Int(name, vehicleLine, vehicle[0]), Int(name, vehicleLine, vehicle[1]), nodes));
    }

    private static RoutingInstance Validate(RoutingInstance instance)
    {
        if (instance.MaxVehicles <= 0 || instance.Capacity <= 0) throw new InstanceFormatException($"{instance.Name}: vehicles and capacity must be positive.");
        if (instance.Nodes.FirstOrDefault(n => n.Due < n.Ready || n.Service < 0) is { } bad)
            throw new InstanceFormatException($"{instance.Name}: node {bad.Id} has a window that closes before it opens or a negative service time.");
        if (instance.Nodes.FirstOrDefault(n => Math.Abs(n.Demand) > instance.Capacity) is { } heavy)
            throw new InstanceFormatException($"{instance.Name}: node {heavy.Id} needs more than a vehicle carries.");
        return instance;
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(string name, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0) yield return (i + 1, fields);
        }
    }

    private static int Int(string name, int line, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d
            : throw new InstanceFormatException($"{name}:{line}: '{text}' is not a whole number.");

    private static double Num(string name, int line, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new InstanceFormatException($"{name}:{line}: '{text}' is not a number.");
}
