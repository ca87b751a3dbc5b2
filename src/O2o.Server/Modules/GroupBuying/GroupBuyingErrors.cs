using O2o.Server.Kernel;

namespace O2o.Server.Modules.GroupBuying;

internal static class GroupBuyingErrors
{
    public static readonly Error MerchantNotFound = Error.NotFound("merchant_not_found", "The merchant");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error LeaderNotFound = Error.NotFound("leader_not_found", "The community leader");
    public static readonly Error ApplicationExists = Error.Conflict("leader_application_exists", "You have already applied to lead this merchant's group buys.");
    public static readonly Error NotPending = Error.Conflict("leader_not_pending", "This application has already been decided.");
    public static readonly Error CampaignNotFound = Error.NotFound("group_buy_not_found", "The group buy");
    public static readonly Error CutoffPassed = Error.Conflict("group_buy_closed", "This group buy's order cutoff has passed; it takes no more orders.");
    public static readonly Error NotGoods = Error.Unprocessable("group_buy_goods_only", "A group buy sells goods from a store's stock, not vouchers.");
    public static readonly Error OrderNotFound = Error.NotFound("group_buy_order_not_found", "The group-buy order at this pickup point");
    public static readonly Error DeliveryNotFound = Error.NotFound("group_buy_delivery_not_found", "The group-buy delivery");
    public static readonly Error DeliveryNotDispatched = Error.Conflict("group_buy_delivery_not_dispatched",
        "The store has not dispatched this delivery yet, or it was already received.");
    public static readonly Error DeliveryNotPreparing = Error.Conflict("group_buy_delivery_not_preparing", "This delivery was already dispatched.");
    public static readonly Error NotReadyForHandover = Error.Conflict("group_buy_order_not_ready",
        "This order is not waiting at the pickup point (not delivered yet, already handed over or cancelled).");
    public static readonly Error InvalidHandoverCode = Error.Unprocessable("invalid_handover_code", "This is not the customer's code for this order.");
    public static readonly Error TooManyHandoverAttempts = new("too_many_handover_attempts", 429, "Too many attempts",
        "Too many wrong customer codes; wait a minute before trying again.");
}
