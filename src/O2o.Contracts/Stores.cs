namespace O2o.Contracts;

/// <summary>One opening period: <c>day</c> is monday..sunday, times are HH:mm in the store's time zone; closes "24:00" is midnight, a closing before the opening runs past midnight.</summary>
public sealed record OpeningHoursDto(string? Day, string? Opens, string? Closes);

public sealed record CreateStoreRequest(
    string? Name, string? NameEn, string? Address, double? Lat, double? Lng, string? TimeZone,
    OpeningHoursDto[]? OpeningHours, string[]? Services, double? DeliveryRadiusKm, string? Phone, string? MerchantId);

public sealed record StoreResponse(
    string Id, string MerchantId, string Name, string? NameEn, string Address, double Lat, double Lng, string TimeZone,
    OpeningHoursDto[] OpeningHours, string[] Services, double DeliveryRadiusKm, string? Phone, bool OpenNow, double? DistanceKm);
