namespace O2o.Server.Modules.Bookings;

internal static class BookingStatus
{
    /// <summary>Its place in the slot is held until its order's payment deadline.</summary>
    public const string PendingPayment = "pending_payment";
    public const string Confirmed = "confirmed";
    public const string CheckedIn = "checked_in";
    public const string NoShow = "no_show";
    public const string Cancelled = "cancelled";
    /// <summary>Not paid in time: its order was cancelled by the payment timeout.</summary>
    public const string Expired = "expired";

    public static readonly string[] All = [PendingPayment, Confirmed, CheckedIn, NoShow, Cancelled, Expired];
    /// <summary>A booking that still holds its place and may be rescheduled or cancelled.</summary>
    public static readonly string[] Open = [PendingPayment, Confirmed];
}

/// <summary>What a service product is booked on: slot length and capacity, stores, deposit, booking window and policy.</summary>
internal sealed class ServiceTerms
{
    public Guid ProductId { get; init; }
    public Guid MerchantId { get; init; }
    public int DurationMinutes { get; set; }
    public int Capacity { get; set; }
    public List<Guid> StoreIds { get; set; } = [];
    /// <summary>Charged per place at booking; null charges the whole price.</summary>
    public long? DepositFen { get; set; }
    public int LeadMinutes { get; set; }
    public int MaxDaysAhead { get; set; }
    public int FreeCancelHours { get; set; }
    public int LateCancelRefundPercent { get; set; }
    public int RescheduleHours { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What a booking charges per place now: the deposit, never more than the price.</summary>
    public long ChargeFor(long priceFen) => DepositFen is { } deposit ? Math.Min(deposit, priceFen) : priceFen;

    /// <summary>Whether a slot starting then can be booked (or moved to) now: far enough ahead, not too far.</summary>
    public bool Bookable(DateTimeOffset start, DateTimeOffset now) => start >= now.AddMinutes(LeadMinutes) && start <= now.AddDays(MaxDaysAhead);
}

/// <summary>
/// A customer's place(s) in a slot of a service at a store, paid through an order. The policy of the terms is copied in at
/// booking, so a later change of terms does not change what the customer agreed to.
/// </summary>
internal sealed class Booking
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProductId { get; init; }
    public Guid StoreId { get; init; }
    public required string CustomerId { get; init; }
    public Guid OrderId { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public int Quantity { get; init; }
    public DateTimeOffset SlotStart { get; set; }
    public DateTimeOffset SlotEnd { get; set; }
    /// <summary>The full price of all places; <see cref="ChargedFen"/> is what the order charged (the deposit or the price).</summary>
    public long PriceFen { get; init; }
    public long ChargedFen { get; init; }
    public long RefundedFen { get; set; }
    /// <summary>The gateway refund number of a cancellation (stable, so a retried delivery refunds once).</summary>
    public Guid? RefundId { get; set; }
    public string Status { get; set; } = BookingStatus.PendingPayment;
    public int Reschedules { get; set; }
    public int FreeCancelHours { get; init; }
    public int LateCancelRefundPercent { get; init; }
    public int RescheduleHours { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
    public DateTimeOffset? NoShowAt { get; set; }
    public string? NoShowBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;
    public DateTimeOffset FreeCancelUntil => SlotStart.AddHours(-FreeCancelHours);
    public DateTimeOffset RescheduleUntil => SlotStart.AddHours(-RescheduleHours);

    /// <summary>What cancelling now gives back: nothing before payment, everything until the free-cancel deadline, then the late share (rounded down).</summary>
    public long RefundOnCancelAt(DateTimeOffset now) =>
        Status != BookingStatus.Confirmed ? 0 : now <= FreeCancelUntil ? ChargedFen : ChargedFen * LateCancelRefundPercent / 100;
}

/// <summary>Places taken per slot of a service at a store, changed only by conditional updates so a slot never takes more than its capacity.</summary>
internal sealed class BookingSlotCount
{
    public Guid ProductId { get; init; }
    public Guid StoreId { get; init; }
    /// <summary>The slot's start as Unix milliseconds: one exact key on both databases.</summary>
    public long SlotStartMs { get; init; }
    public int Taken { get; set; }
}

/// <summary>A reminder of a confirmed booking, sent once when due (the in-app inbox, and the log as the outward channel).</summary>
internal sealed class BookingReminder
{
    public const string InApp = "in_app";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BookingId { get; init; }
    public required string CustomerId { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public string Channel { get; init; } = InApp;
    public required string MessageZh { get; init; }
    public required string MessageEn { get; init; }
}
