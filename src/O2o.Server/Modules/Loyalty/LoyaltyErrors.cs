using O2o.Server.Kernel;

namespace O2o.Server.Modules.Loyalty;

internal static class LoyaltyErrors
{
    public static Error NotEnoughPoints(long balance) =>
        Error.Conflict("points_insufficient", $"You have {balance} points, fewer than asked for.") with
        {
            DetailZh = $"积分不足：当前积分 {balance}。", Extensions = new Dictionary<string, object?> { ["balance"] = balance },
        };

    public static Error OverRedeemLimit(long maxPoints, int percent) =>
        Error.Unprocessable("points_over_limit", $"Points may pay at most {percent}% of this order: {maxPoints} points.") with
        {
            DetailZh = $"积分最多抵扣订单金额的 {percent}%：本单最多可用 {maxPoints} 积分。", Extensions = new Dictionary<string, object?> { ["maxPoints"] = maxPoints },
        };

    public static Error BelowMinimum(int minimum) =>
        Error.Unprocessable("points_below_minimum", $"Use at least {minimum} points at a time.") with { DetailZh = $"每次至少使用 {minimum} 积分。" };

    public static readonly Error AlreadySignedIn = Error.Conflict("already_signed_in", "You have already signed in today; come back tomorrow.");
    public static readonly Error MemberNotFound = Error.NotFound("member_not_found", "The customer");
    public static readonly Error TierNotFound = Error.NotFound("tier_not_found", "The tier");
    public static readonly Error CouponPromotionNotFound = Error.NotFound("promotion_not_found", "A coupon promotion of the list");
}
