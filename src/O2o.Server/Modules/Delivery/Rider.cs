namespace O2o.Server.Modules.Delivery;

/// <summary>A rider (person or robot) who delivers for some stores: their vehicle, shift and last known position.</summary>
internal sealed class Rider
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public required string VehicleType { get; set; }
    public int Capacity { get; set; }
    /// <summary>The stores whose orders this rider delivers: their zone.</summary>
    public List<Guid> StoreIds { get; set; } = [];
    public bool OnShift { get; private set; }
    public DateTimeOffset? ShiftEndsAt { get; private set; }
    public double? Lat { get; private set; }
    public double? Lng { get; private set; }
    public DateTimeOffset? PositionAt { get; private set; }
    /// <summary>When a position was last kept in the history (positions in between are throttled).</summary>
    public DateTimeOffset? PositionStoredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; private set; }

    public VehicleProfile Vehicle => Vehicles.Of(VehicleType);

    public void StartShift(DateTimeOffset endsAt, double lat, double lng, DateTimeOffset at)
    {
        OnShift = true;
        ShiftEndsAt = endsAt;
        MoveTo(lat, lng, at);
        Version++;
    }

    public void EndShift()
    {
        OnShift = false;
        ShiftEndsAt = null;
        Version++;
    }

    public void MoveTo(double lat, double lng, DateTimeOffset at)
    {
        (Lat, Lng, PositionAt) = (lat, lng, at);
    }

    public void MarkStored(DateTimeOffset at) => PositionStoredAt = at;
}

/// <summary>A kept position of a rider, for tracking disputes and the report; deleted after <c>Delivery:PositionRetention</c>.</summary>
internal sealed class RiderPosition
{
    public long Id { get; init; }
    public Guid RiderId { get; init; }
    public double Lat { get; init; }
    public double Lng { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>Which node plans dispatch rounds: one at a time across the cluster, taken over when its holder stops renewing.</summary>
internal sealed class DispatchLease
{
    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTimeOffset Until { get; set; }
}
