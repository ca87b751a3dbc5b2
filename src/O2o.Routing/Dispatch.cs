namespace O2o.Routing;

/// <summary>A WGS-84 position.</summary>
public sealed record GeoPoint(double Lat, double Lng)
{
    /// <summary>Great-circle distance in kilometres.</summary>
    public double KmTo(GeoPoint other)
    {
        const double earthKm = 6371.0088;
        double dLat = (other.Lat - Lat) * Math.PI / 180, dLng = (other.Lng - Lng) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Lat * Math.PI / 180) * Math.Cos(other.Lat * Math.PI / 180) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * earthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>An order a rider already carries: only its drop-off is left, and it stays with that rider.</summary>
public sealed record CarriedOrder(string OrderId, GeoPoint DropOff, DateTimeOffset DueBy, int Size = 1);

/// <summary>
/// A rider (person or robot) as dispatch sees it: where they are now, how fast they go, how much they carry, what they
/// carry already, and until when they work.
/// </summary>
public sealed record DispatchRider(string RiderId, GeoPoint Position, double SpeedKmh, int Capacity, IReadOnlyList<CarriedOrder> Carrying, DateTimeOffset ShiftEndsAt)
{
    /// <summary>When the rider is at <see cref="Position"/> and free to go on (finishing a stop already under way); now when null.</summary>
    public DateTimeOffset? FreeAt { get; init; }
}

/// <summary>An order waiting to be picked up at its store: ready from <paramref name="ReadyAt"/>, promised by <paramref name="DueBy"/>.</summary>
public sealed record OpenOrder(string OrderId, GeoPoint PickUp, GeoPoint DropOff, DateTimeOffset ReadyAt, DateTimeOffset DueBy, int Size = 1)
{
    /// <summary>A rider who has been offered or has accepted the order: it stays with them (pickup and drop-off).</summary>
    public string? BoundTo { get; init; }
    /// <summary>The riders who may take it (zone, vehicle range, not declined before); null means any.</summary>
    public IReadOnlyCollection<string>? AllowedRiders { get; init; }
}

public enum StopKind { PickUp, DropOff }

public sealed record PlannedStop(string OrderId, StopKind Kind, GeoPoint At, DateTimeOffset Eta);

public sealed record RiderPlan(string RiderId, IReadOnlyList<PlannedStop> Stops);

/// <summary>Who does what next: every rider's stops in order with their arrival estimates, and the orders nobody can take now.</summary>
public sealed record DispatchPlan(IReadOnlyList<RiderPlan> Riders, IReadOnlyList<string> Unassigned)
{
    public DateTimeOffset? EtaOf(string orderId) =>
        Riders.SelectMany(r => r.Stops).FirstOrDefault(s => s.OrderId == orderId && s.Kind == StopKind.DropOff)?.Eta;
}

/// <summary>
/// One planning round: riders start where they are, with what they carry (its drop-offs bound to them), and take open
/// orders so that every pickup comes before its drop-off on one rider, no rider carries more than it can, and lateness
/// against the promised times is as small as possible; orders that fit nowhere stay unassigned for the next round.
/// </summary>
public sealed record DispatchRequest(DateTimeOffset Now, IReadOnlyList<DispatchRider> Riders, IReadOnlyList<OpenOrder> Orders)
{
    /// <summary>Streets are not straight: travel is the straight-line distance times this.</summary>
    public double DetourFactor { get; init; } = 1.3;
    /// <summary>Time at a stop (finding the counter, handing over).</summary>
    public TimeSpan StopTime { get; init; } = TimeSpan.FromMinutes(2);
}
