using System.Text.Json;
using System.Text.Json.Nodes;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// A delivery area drawn as a GeoJSON Polygon or MultiPolygon (RFC 7946: [longitude, latitude], first ring the outline,
/// further rings holes), or a Feature holding one. Read strictly: closed rings of at least four positions, valid
/// coordinates, no ring crossing itself, at most <see cref="MaxPositions"/> positions in all.
/// </summary>
internal sealed class ZonePolygon
{
    public const int MaxPositions = 2_000;

    private readonly List<List<(double Lng, double Lat)[]>> _polygons;

    private ZonePolygon(List<List<(double, double)[]>> polygons) => _polygons = polygons;

    public static (ZonePolygon? Zone, string? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "A GeoJSON geometry is required.");
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException ex) { return (null, $"Not JSON: {ex.Message}"); }
        if (root is JsonObject { } feature && (string?)feature["type"] == "Feature") root = feature["geometry"];
        if (root is not JsonObject geometry) return (null, "Expected a GeoJSON Polygon, MultiPolygon or a Feature with one.");
        try
        {
            var type = (string?)geometry["type"];
            var polygons = type switch
            {
                "Polygon" => [ReadPolygon(geometry["coordinates"])],
                "MultiPolygon" => (geometry["coordinates"] as JsonArray ?? throw new FormatException("coordinates must be an array of polygons."))
                    .Select(ReadPolygon).ToList(),
                _ => throw new FormatException($"type must be Polygon or MultiPolygon, not '{type}'."),
            };
            if (polygons.Count == 0) throw new FormatException("A MultiPolygon needs at least one polygon.");
            if (polygons.Sum(p => p.Sum(r => r.Length)) > MaxPositions) throw new FormatException($"At most {MaxPositions} positions.");
            foreach (var ring in polygons.SelectMany(p => p))
                if (CrossesItself(ring)) throw new FormatException("A ring crosses itself.");
            return (new ZonePolygon(polygons), null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Inside an outline and outside its holes (a point on an edge may fall either way).</summary>
    public bool Contains(double lat, double lng) =>
        _polygons.Any(p => Inside(p[0], lng, lat) && !p.Skip(1).Any(hole => Inside(hole, lng, lat)));

    private static List<(double, double)[]> ReadPolygon(JsonNode? node)
    {
        if (node is not JsonArray rings || rings.Count == 0) throw new FormatException("A polygon is an array of rings, the outline first.");
        return rings.Select(ReadRing).ToList();
    }

    private static (double, double)[] ReadRing(JsonNode? node)
    {
        if (node is not JsonArray positions || positions.Count < 4) throw new FormatException("A ring needs at least four positions.");
        var ring = positions.Select(p =>
        {
            if (p is not JsonArray { Count: >= 2 } xy) throw new FormatException("A position is [longitude, latitude].");
            double lng = xy[0]!.GetValue<double>(), lat = xy[1]!.GetValue<double>();
            if (lng is < -180 or > 180 || lat is < -90 or > 90) throw new FormatException($"[{lng}, {lat}] is not a longitude and latitude.");
            return (lng, lat);
        }).ToArray();
        if (ring[0] != ring[^1]) throw new FormatException("A ring must end where it starts.");
        return ring;
    }

    private static bool Inside((double X, double Y)[] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            if ((ring[i].Y > y) != (ring[j].Y > y) && x < (ring[j].X - ring[i].X) * (y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
                inside = !inside;
        return inside;
    }

    private static bool CrossesItself((double X, double Y)[] ring)
    {
        var edges = ring.Length - 1;
        for (var i = 0; i < edges; i++)
            for (var j = i + 2; j < edges; j++)
            {
                if (i == 0 && j == edges - 1) continue; // the first and last edges meet at the closing position
                if (Cross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
            }
        return false;
    }

    private static bool Cross((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        static double Turn((double X, double Y) p, (double X, double Y) q, (double X, double Y) r) => (q.X - p.X) * (r.Y - p.Y) - (q.Y - p.Y) * (r.X - p.X);
        double d1 = Turn(c, d, a), d2 = Turn(c, d, b), d3 = Turn(a, b, c), d4 = Turn(a, b, d);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }
}

/// <summary>A store's drawn delivery area; without one, the store's radius applies.</summary>
internal sealed class DeliveryZone
{
    public Guid StoreId { get; init; }
    public required string GeoJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
