using O2o.Server.Kernel;

namespace O2o.Server.Modules.Promotions;

/// <summary>The errors of promotions, coupons and pricing.</summary>
internal static class CouponErrors
{
    public static readonly Error PromotionNotFound = Error.NotFound("promotion_not_found", "The promotion");
    /// <summary>Also another customer's coupon: what a caller may not see does not exist for them.</summary>
    public static readonly Error CouponNotFound = Error.NotFound("coupon_not_found", "The coupon");
    public static readonly Error CodeNotFound = Error.NotFound("coupon_code_not_found", "No running coupon has this code; it");
    public static readonly Error CustomerNotFound = Error.NotFound("customer_not_found", "A customer of the list");
    public static readonly Error CouponUsed = Error.Conflict("coupon_already_used", "The coupon has already been used by another order.");
    public static readonly Error CouponExpired = Error.Conflict("coupon_expired", "The coupon has expired or is not valid yet.");
    public static readonly Error NotApplicable = Error.Unprocessable("coupon_not_applicable",
        "The coupon does not apply to this order (its minimum spend, products, store or channel), or cannot be combined with the other coupons chosen.");
    public static readonly Error BudgetExhausted = Error.Conflict("promotion_budget_exhausted",
        "A promotion of this order has just run out of budget; price the cart again.");
    public static readonly Error CustomerLimitReached = Error.Conflict("promotion_limit_reached", "You have already had this promotion as often as one customer may.");
    public static readonly Error CouponLimitReached = Error.Conflict("coupon_limit_reached", "You already hold as many coupons of this kind as one customer may.");
    public static readonly Error CodeExists = Error.Conflict("coupon_code_exists", "Another coupon already uses this code.");
    public static readonly Error PromotionEnded = Error.Conflict("promotion_ended", "The promotion has ended and can no longer be changed or issued.");

    /// <summary>Terms that cannot hold together, e.g. saving more than the spend that earns it.</summary>
    public static Error Contradiction(string detail, string detailZh) =>
        new Error("promotion_rules_contradict", 400, "The promotion's rules contradict each other", detail) { DetailZh = detailZh };
}
