namespace O2o.Contracts;

/// <summary>
/// The terms of a service product: each slot lasts <paramref name="DurationMinutes"/> and takes <paramref name="Capacity"/> places,
/// at <paramref name="StoreIds"/>. A booking charges <paramref name="DepositFen"/> per place (the rest is paid in store), or the whole
/// price when no deposit is set. It must start at least <paramref name="LeadMinutes"/> ahead and at most <paramref name="MaxDaysAhead"/>
/// days ahead. Cancelling refunds everything until <paramref name="FreeCancelHours"/> before the start, then
/// <paramref name="LateCancelRefundPercent"/> percent until the start; rescheduling is allowed until <paramref name="RescheduleHours"/> before.
/// </summary>
public sealed record ServiceTermsRequest(int? DurationMinutes, int? Capacity, string[]? StoreIds, long? DepositFen, int? LeadMinutes, int? MaxDaysAhead,
    int? FreeCancelHours, int? LateCancelRefundPercent, int? RescheduleHours);

public sealed record ServiceTermsResponse(string ProductId, int DurationMinutes, int Capacity, string[] StoreIds, long? DepositFen, int LeadMinutes,
    int MaxDaysAhead, int FreeCancelHours, int LateCancelRefundPercent, int RescheduleHours);

/// <summary>A bookable service: its price per place, what a booking charges now per place, how long, how many per slot, where, and its policy.</summary>
public sealed record ServiceOffer(string ProductId, string Name, string NameZh, string? NameEn, long PriceFen, long ChargeFen, int DurationMinutes,
    int Capacity, string[] StoreIds, int LeadMinutes, int MaxDaysAhead, int FreeCancelHours, int LateCancelRefundPercent, int RescheduleHours);

/// <summary>A slot of a service at a store, in the store's local time: capacity, places taken, whether it can be booked now.</summary>
public sealed record ServiceSlotView(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Taken, bool Available);

/// <summary>Book <paramref name="Quantity"/> places (default 1) in the slot of a service starting at <paramref name="Start"/> at a store.</summary>
public sealed record BookServiceRequest(string? ProductId, string? StoreId, DateTimeOffset? Start, int? Quantity);

public sealed record RescheduleBookingRequest(DateTimeOffset? Start);

/// <summary>A reminder of a booking: when it is due, when it was sent (null until then), on which channel, and what it says.</summary>
public sealed record BookingReminderView(DateTimeOffset DueAt, DateTimeOffset? SentAt, string Channel, string Message);

/// <summary>
/// A booking. Status: pending_payment (pay its order like any order, before the order's payment deadline), confirmed, checked_in,
/// no_show, cancelled, expired (not paid in time). Times are in the store's time zone. <paramref name="ChargedFen"/> is what its order
/// charged (the deposit or the price), <paramref name="BalanceDueFen"/> what is left to pay in store.
/// </summary>
public sealed record BookingResponse(string Id, string Status, string ProductId, string Name, string StoreId, string StoreName, string CustomerId,
    DateTimeOffset Start, DateTimeOffset End, int Quantity, long PriceFen, long ChargedFen, long BalanceDueFen, long RefundedFen, string OrderId,
    DateTimeOffset FreeCancelUntil, DateTimeOffset RescheduleUntil, int Reschedules, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CheckedInAt, DateTimeOffset? NoShowAt, DateTimeOffset? CancelledAt, string? CancelReason, BookingReminderView[] Reminders);
