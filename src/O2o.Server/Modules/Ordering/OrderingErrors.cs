using O2o.Server.Kernel;

namespace O2o.Server.Modules.Ordering;

internal static class OrderingErrors
{
    public static readonly Error OrderNotFound = Error.NotFound("order_not_found", "The order");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "A product in the order");
    public static readonly Error CartEmpty = Error.Unprocessable("cart_empty", "There is nothing to order: the cart is empty and no lines were given.");
    public static readonly Error StoreClosed = Error.Unprocessable("store_closed", "The store is closed now.");
    public static readonly Error WrongProductKind = Error.Unprocessable("wrong_product_kind", "Vouchers and services are bought on their own (POST /api/vouchers/purchases, POST /api/bookings), never together with goods.");
    public static readonly Error FulfillmentNotOffered = Error.Unprocessable("fulfillment_not_offered", "The store does not offer this fulfilment type.");
    public static readonly Error NotReviewable = Error.Conflict("order_not_reviewable", "Only a completed order can be reviewed.");
    public static readonly Error ReviewWindowClosed = Error.Conflict("review_window_closed", "An order can be reviewed within 30 days of completion.");
    public static readonly Error AlreadyReviewed = Error.Conflict("order_already_reviewed", "This order has already been reviewed.");
    public static readonly Error ReviewNotFound = Error.NotFound("review_not_found", "The review");
    public static readonly Error PointsNotAccepted = Error.Unprocessable("points_not_accepted", "Points pay for goods picked up or delivered, not for vouchers, bookings, group buys or flash-sale lines alone.");
    public static readonly Error NotCancellable = Error.Conflict("order_not_cancellable", "A customer can cancel an order only before the store starts preparing it.");
    public static readonly Error OrderChanged = Error.Conflict("order_changed", "The order was changed by someone else at the same time; reload it and try again.");
    public static readonly Error InvalidPickupCode = Error.NotFound("invalid_pickup_code", "No order waiting for pickup at this store has this code.");
    public static readonly Error TooManyPickupAttempts = new("too_many_attempts", 429, "Too many attempts", "Too many wrong pickup codes at this store; wait a minute.");

    public static Error InvalidStatus(string from, string to) =>
        Error.Conflict("invalid_order_status", $"An order that is {from} cannot become {to}.")
            with { Extensions = new Dictionary<string, object?> { ["currentStatus"] = from } };

    /// <summary>Outside the store's zone: its radius, or the area drawn for it (<paramref name="zone"/> <c>polygon</c>).</summary>
    public static Error OutOfDeliveryArea(double distanceKm, double radiusKm, string zone = "radius") =>
        Error.Unprocessable("out_of_delivery_area", zone == "polygon"
                ? $"The address is {distanceKm:0.0} km from the store, outside the delivery area drawn for it."
                : $"The address is {distanceKm:0.0} km from the store, which delivers within {radiusKm:0.0} km.")
            with
            {
                Extensions = new Dictionary<string, object?> { ["distanceKm"] = Math.Round(distanceKm, 3), ["deliveryRadiusKm"] = radiusKm, ["zone"] = zone },
                DetailZh = zone == "polygon"
                    ? $"收货地址距门店 {distanceKm:0.0} 公里，不在门店划定的配送区域内。"
                    : $"收货地址距门店 {distanceKm:0.0} 公里，超出 {radiusKm:0.0} 公里的配送范围。",
            };
}
