using O2o.Server.Kernel;

namespace O2o.Server.Modules.Delivery;

internal static class DeliveryErrors
{
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error DeliveryNotOffered = Error.Unprocessable("fulfillment_not_offered", "The store does not deliver.");
    public static readonly Error RiderNotFound = Error.NotFound("rider_not_found", "The rider");
    public static readonly Error DeliveryNotFound = Error.NotFound("delivery_not_found", "The delivery");
    public static readonly Error ZoneExcludesStore = Error.Unprocessable("zone_excludes_store", "The drawn delivery area must contain the store itself.");
    public static readonly Error NotOnShift = Error.Conflict("rider_not_on_shift", "Start a shift first.");
    public static readonly Error StillCarrying = Error.Conflict("rider_still_carrying", "Deliver what you have picked up before ending the shift.");
    public static readonly Error OutsideZone = Error.Unprocessable("position_outside_zone", "This position is outside the delivery zone of your stores.");
    public static readonly Error OfferExpired = Error.Conflict("offer_expired", "The offer has lapsed and went to another rider.");
    public static readonly Error OrderNotReady = Error.Conflict("order_not_ready", "The store has not accepted this order yet: it cannot be handed over.");
    public static readonly Error WrongHandoverCode = Error.Unprocessable("wrong_handover_code", "The customer's receipt code does not match.");
    public static readonly Error HandoverCodeLocked = new("handover_code_locked", 429, "Too many attempts",
        "Too many wrong receipt codes for this delivery: deliver with a photo instead.");

    public static Error Implausible(double kmh) =>
        Error.Unprocessable("position_implausible", $"This position implies {kmh:0} km/h since the last one: refused as a GPS jump.")
            with { Extensions = new Dictionary<string, object?> { ["impliedSpeedKmh"] = Math.Round(kmh, 1) } };

    public static Error InvalidStatus(string status, string action) =>
        Error.Conflict("delivery_invalid_status", $"The delivery is {status}: it cannot be {action}.")
            with { Extensions = new Dictionary<string, object?> { ["currentStatus"] = status } };
}
