namespace O2o.Contracts;

/// <summary>One opening period: <c>day</c> is monday..sunday, times are HH:mm in the store's time zone; closes "24:00" is midnight, a closing before the opening runs past midnight.</summary>
public sealed record OpeningHoursDto(string? Day, string? Opens, string? Closes);

public sealed record CreateStoreRequest(
    string? Name, string? NameEn, string? Address, double? Lat, double? Lng, string? TimeZone,
    OpeningHoursDto[]? OpeningHours, string[]? Services, double? DeliveryRadiusKm, string? Phone, string? MerchantId);

public sealed record StoreResponse(
    string Id, string MerchantId, string Name, string? NameEn, string Address, double Lat, double Lng, string TimeZone,
    OpeningHoursDto[] OpeningHours, string[] Services, double DeliveryRadiusKm, string? Phone, bool OpenNow, double? DistanceKm);

/// <summary>
/// A date with other hours than usual (holiday, closure, special hours), in the store's time zone: <paramref name="Closed"/> true,
/// or <paramref name="Opens"/>/<paramref name="Closes"/> as HH:mm replacing that day's opening hours (closes "24:00" or before opens runs past midnight).
/// </summary>
public sealed record SpecialDayRequest(bool? Closed, string? Opens, string? Closes, string? Note);

public sealed record SpecialDayView(string Date, bool Closed, string? Opens, string? Closes, string? Note);
