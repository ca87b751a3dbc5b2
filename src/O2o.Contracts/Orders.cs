namespace O2o.Contracts;

public sealed record AddressDto(string? Line, double? Lat, double? Lng, string? ContactName, string? ContactPhone);
/// <summary>
/// <paramref name="PickupSlot"/>: the start of the chosen pickup slot, required at stores that pace pickups (GET /api/stores/{id}/pickup-slots).
/// <paramref name="Speed"/>: for delivery, <c>express</c> (default) or <c>no_rush</c> (a consolidated, lower-carbon window at a lower fee).
/// </summary>
public sealed record FulfillmentDto(string? Type, string? StoreId, AddressDto? Address, DateTimeOffset? PickupSlot = null, string? Speed = null);
public sealed record OrderLineRequest(string? ProductId, int? Quantity);
/// <summary><paramref name="CouponIds"/>: the coupons to use; null lets the pricing engine choose the best from the wallet, empty uses none.</summary>
/// <summary><paramref name="Points"/>: loyalty points to pay part of the goods with (100 points = ¥1 by default, at most half the goods).</summary>
public sealed record PlaceOrderRequest(FulfillmentDto? Fulfillment, OrderLineRequest[]? Lines, string[]? CouponIds = null, int? Points = null);

/// <summary>For delivery: <paramref name="Speed"/> and the promised window [<paramref name="PromisedFrom"/>, <paramref name="PromisedBy"/>].</summary>
public sealed record FulfillmentResponse(string Type, string StoreId, AddressDto? Address, double? DistanceKm, DateTimeOffset? PickupSlot = null,
    string? Speed = null, DateTimeOffset? PromisedFrom = null, DateTimeOffset? PromisedBy = null);
/// <summary><paramref name="LineTotalFen"/> is before discounts; <paramref name="Adjustments"/> explain <paramref name="DiscountFen"/>.</summary>
public sealed record OrderLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long LineTotalFen,
    long DiscountFen = 0, PriceAdjustmentResponse[]? Adjustments = null);
public sealed record TimelineEntryResponse(string Status, DateTimeOffset At, string? Note);

public sealed record OrderResponse(
    string Id, string Status, string StoreId, FulfillmentResponse Fulfillment, OrderLineResponse[] Lines,
    long SubtotalFen, long DiscountFen, long DeliveryFeeFen, long TotalFen, string Currency, string? PickupCode,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset PaymentDeadline, TimelineEntryResponse[] Timeline,
    PriceAdjustmentResponse[]? DeliveryDiscounts = null, GiftResponse[]? Gifts = null, string[]? CouponIds = null, int PointsUsed = 0);

public sealed record PickupRequest(string? Code);

/// <summary>A pickup slot of a store: when, how many orders it takes, how many it has, whether it can still be chosen.</summary>
public sealed record PickupSlotView(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Taken, bool Available);

/// <summary>Pickup pacing of a store: slot length in minutes (dividing a day), orders per slot, minutes ahead a slot must start (default 15).</summary>
public sealed record PickupSlotRulesRequest(int? SlotMinutes, int? Capacity, int? LeadMinutes);

/// <summary>
/// Delivery from a store to a position, as checkout will decide it: the distance, the store's radius, whether the position is
/// inside it, and the fee (null outside the area).
/// </summary>
public sealed record DeliveryQuoteResponse(double DistanceKm, double DeliveryRadiusKm, bool InArea, long? DeliveryFeeFen)
{
    /// <summary><c>express</c> or <c>no_rush</c>.</summary>
    public string Speed { get; init; } = "express";
    /// <summary><c>polygon</c> when the store has a drawn area, else <c>radius</c>.</summary>
    public string Zone { get; init; } = "radius";
    /// <summary>The promised window (null outside the area).</summary>
    public DateTimeOffset? PromisedFrom { get; init; }
    public DateTimeOffset? PromisedBy { get; init; }
}

/// <summary>A review of a completed order: <paramref name="Rating"/> 1–5 stars, an optional comment of up to 500 characters.</summary>
public sealed record OrderReviewRequest(int? Rating, string? Comment);
public sealed record OrderReviewResponse(string OrderId, int Rating, string? Comment, DateTimeOffset At);
