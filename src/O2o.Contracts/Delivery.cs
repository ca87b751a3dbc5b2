namespace O2o.Contracts;

/// <summary>A rider to create: their sign-in, vehicle (ebike, scooter, car, walking, robot), the stores they deliver for, and optionally how many orders they carry at once.</summary>
public sealed record CreateRiderRequest(string? Email, string? Password, string? DisplayName, string? Phone, string? VehicleType, string[]? StoreIds, int? Capacity);

public sealed record RiderResponse(string Id, string UserId, string Name, string? Phone, string VehicleType, string VehicleName, double SpeedKmh, int Capacity,
    double RangeKm, string[] StoreIds, bool OnShift, DateTimeOffset? ShiftEndsAt, double? Lat, double? Lng, DateTimeOffset? PositionAt);

/// <summary>Start a shift where the rider is; <paramref name="Until"/> defaults to a configured shift length.</summary>
public sealed record StartShiftRequest(double? Lat, double? Lng, DateTimeOffset? Until);

/// <summary>A position report; <paramref name="At"/> defaults to now (a report may lag by at most a few minutes).</summary>
public sealed record PositionRequest(double? Lat, double? Lng, DateTimeOffset? At);

/// <summary><paramref name="Stored"/>: kept in the history, or only applied (throttled); <paramref name="Applied"/> false for a report older than the last one.</summary>
public sealed record PositionResponse(bool Applied, bool Stored);

/// <summary>A delivery as its rider sees it, stops in planned order.</summary>
public sealed record RiderJobResponse(string OrderId, string Status, string StoreId, double PickupLat, double PickupLng, double DropLat, double DropLng,
    string AddressLine, double DistanceKm, string Speed, DateTimeOffset ReadyAt, DateTimeOffset PromisedBy, DateTimeOffset? OfferExpiresAt,
    DateTimeOffset? PlannedPickupAt, DateTimeOffset? PlannedDropAt, int? PlannedSequence);

public sealed record DeclineRequest(string? Reason);

/// <summary>Proof of delivery: the customer's four-digit receipt code, or a reference to a photo taken at the door.</summary>
public sealed record DeliveredRequest(string? Code, string? PhotoReference);

public sealed record TrackedRider(string Name, string VehicleType, string VehicleName, double? Lat, double? Lng, DateTimeOffset? PositionAt);

/// <summary>
/// Where a delivery stands: status (waiting, offered, accepted, picked_up, delivered, cancelled), the promised window, a live
/// ETA while a rider has it, the rider (while they have it), the receipt code (for the customer only), and, once delivered,
/// the route length and estimated CO₂.
/// </summary>
public sealed record DeliveryTrackingResponse(string OrderId, string Status, string Speed, DateTimeOffset PromisedFrom, DateTimeOffset PromisedBy,
    DateTimeOffset? EtaAt, TrackedRider? Rider, string? HandoverCode, double DistanceKm, double? RouteKm, double? Co2Grams, DateTimeOffset? PickedUpAt,
    DateTimeOffset? DeliveredAt, bool? OnTime)
{
    /// <summary>While the rider is on the way to the store: when they should be there (for the store's screen).</summary>
    public DateTimeOffset? AtStoreEta { get; init; }
}

/// <summary>A store's drawn delivery area: a GeoJSON Polygon, MultiPolygon or Feature, as text.</summary>
public sealed record DeliveryZoneRequest(string? GeoJson);

public sealed record DeliveryZoneResponse(string StoreId, string Kind, double DeliveryRadiusKm, string? GeoJson, DateTimeOffset? UpdatedAt);

/// <summary>One store's deliveries on one local day: how many, on time, mean minutes from payment to door, distance and estimated CO₂.</summary>
public sealed record DeliveryReportRow(string StoreId, string StoreName, DateOnly Day, int Delivered, int OnTime, double OnTimeRate, double MeanMinutes,
    double RouteKm, double Co2Grams, double Co2GramsPerDelivery, int NoRush);

public sealed record DeliveryReportResponse(DateOnly From, DateOnly To, DeliveryReportRow[] Rows, int Delivered, double OnTimeRate, double RouteKm, double Co2Grams);
