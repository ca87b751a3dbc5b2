using O2o.Server.Kernel;

namespace O2o.Server.Modules.Bookings;

internal static class BookingsErrors
{
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error NotAServiceProduct = Error.Unprocessable("not_a_service_product", "Only a product of kind service can have service terms.");
    public static readonly Error ServiceNotFound = Error.NotFound("service_not_found", "The bookable service");
    public static readonly Error NotOfferedHere = Error.Unprocessable("service_not_offered_here", "This service cannot be booked at this store.");
    public static readonly Error SlotPast = Error.Unprocessable("booking_slot_past", "This slot has started or starts too soon to be booked; choose a later one.");
    public static readonly Error SlotTooFar = Error.Unprocessable("booking_slot_too_far", "This slot is further ahead than the service can be booked.");
    public static readonly Error SlotUnavailable = Error.Unprocessable("booking_slot_unavailable",
        "No slot of this service starts then at this store (closed that day, or not a slot start).");
    public static readonly Error SlotFull = Error.Conflict("booking_slot_full", "This slot has no places left for this booking; choose another.");
    public static readonly Error BookingNotFound = Error.NotFound("booking_not_found", "The booking");
    public static readonly Error RescheduleClosed = Error.Conflict("booking_reschedule_closed", "It is too late to reschedule this booking under the store's policy.");
    public static readonly Error Started = Error.Conflict("booking_started", "This booking has started; it can no longer be cancelled or moved.");
    public static readonly Error Changed = Error.Conflict("booking_changed", "The booking changed meanwhile (paid, moved or cancelled); reload it and try again.");
    public static readonly Error NotPaid = Error.Conflict("booking_not_paid", "This booking is not paid yet; it is confirmed once its order is paid.");
    public static readonly Error CheckInTooEarly = Error.Conflict("booking_check_in_too_early", "Too early to check in for this booking.");
    public static readonly Error CheckInClosed = Error.Conflict("booking_check_in_closed", "This booking's slot is over; mark it as a no-show instead.");
    public static readonly Error NoShowTooEarly = Error.Conflict("booking_no_show_too_early", "A booking can be marked as a no-show only once its slot has begun.");

    public static Error NotChangeable(string status) =>
        Error.Conflict("booking_not_changeable", $"This booking is {status}; only a confirmed booking (or one waiting for payment) can be changed.")
            with { Extensions = new Dictionary<string, object?> { ["currentStatus"] = status } };
}
