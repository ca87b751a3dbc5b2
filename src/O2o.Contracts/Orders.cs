namespace O2o.Contracts;

public sealed record AddressDto(string? Line, double? Lat, double? Lng, string? ContactName, string? ContactPhone);
public sealed record FulfillmentDto(string? Type, string? StoreId, AddressDto? Address);
public sealed record OrderLineRequest(string? ProductId, int? Quantity);
public sealed record PlaceOrderRequest(FulfillmentDto? Fulfillment, OrderLineRequest[]? Lines);

public sealed record FulfillmentResponse(string Type, string StoreId, AddressDto? Address, double? DistanceKm);
public sealed record OrderLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long LineTotalFen);
public sealed record TimelineEntryResponse(string Status, DateTimeOffset At, string? Note);

public sealed record OrderResponse(
    string Id, string Status, string StoreId, FulfillmentResponse Fulfillment, OrderLineResponse[] Lines,
    long SubtotalFen, long DiscountFen, long DeliveryFeeFen, long TotalFen, string Currency, string? PickupCode,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset PaymentDeadline, TimelineEntryResponse[] Timeline);

public sealed record PickupRequest(string? Code);
