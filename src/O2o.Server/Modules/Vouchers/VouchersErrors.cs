using O2o.Server.Kernel;

namespace O2o.Server.Modules.Vouchers;

internal static class VouchersErrors
{
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error NotAVoucherProduct = Error.Unprocessable("not_a_voucher_product", "Only a product of kind voucher can have voucher terms.");
    public static readonly Error OfferNotFound = Error.NotFound("voucher_offer_not_found", "The voucher offer");
    public static readonly Error NotOnSale = Error.Conflict("voucher_not_on_sale", "This voucher is no longer sold.");
    public static readonly Error NotValidAtStore = Error.Unprocessable("voucher_not_valid_here", "This voucher cannot be used at this store.");
    public static readonly Error LimitExceeded = Error.Conflict("voucher_limit_exceeded", "You already have as many of these vouchers as one customer may buy.");
    public static readonly Error VoucherNotFound = Error.NotFound("voucher_not_found", "The voucher");
    public static readonly Error NotRefundable = Error.Conflict("voucher_not_refundable", "This voucher has no uses left to refund (used up, refunded or expired).");
    public static readonly Error UsedUp = Error.Conflict("voucher_used_up", "This voucher has fewer uses left than asked.");
    public static readonly Error Expired = Error.Conflict("voucher_expired", "This voucher has expired; its unused value is refunded automatically.");
    public static readonly Error Closed = Error.Conflict("voucher_closed", "This voucher was refunded and can no longer be used.");
    public static readonly Error TooManyAttempts = new("too_many_voucher_attempts", 429, "Too many attempts",
        "Too many wrong voucher codes at this store; wait a moment before trying again.");
}
