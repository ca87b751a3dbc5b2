namespace O2o.Web.Texts;

/// <summary>Membership, points, coupons and the price breakdown in the storefront.</summary>
public static partial class T
{
    public static readonly Text Member = new("会员中心", "Membership");
    public static readonly Text MyCoupons = new("我的优惠券", "My coupons");
    public static readonly Text Points = new("积分", "Points");
    public static readonly Text PointsWorth = new("可抵 {0}", "worth {0}");
    public static readonly Text MemberTier = new("会员等级", "Tier");
    public static readonly Text RollingSpend = new("近 12 个月消费", "Spend in the last 12 months");
    public static readonly Text ToNextTier = new("再消费 {0} 升级为{1}", "Spend {0} more to reach {1}");
    public static readonly Text TopTier = new("您已是最高等级。", "You are at the top tier.");
    public static readonly Text ExpiringSoon = new("{0} 积分将于 {1} 前过期", "{0} points expire by {1}");
    public static readonly Text SignInToday = new("每日签到", "Daily sign-in");
    public static readonly Text SignedInToday = new("今日已签到", "Signed in today");
    public static readonly Text SignInEarned = new("签到成功，获得 {0} 积分（连续 {1} 天）。", "Signed in: {0} points (day {1} in a row).");
    public static readonly Text Streak = new("已连续签到 {0} 天", "{0} days in a row");
    public static readonly Text PointsLedger = new("积分明细", "Points history");
    public static readonly Text NoPointsYet = new("还没有积分记录。", "No points yet.");
    public static readonly Text Tiers = new("会员等级与权益", "Tiers and benefits");
    public static readonly Text SpendNeeded = new("12 个月消费满 {0}", "{0} in 12 months");
    public static readonly Text ExpiresOn = new("{0} 到期", "expires {0}");
    public static readonly Text TierProgress = new("升级进度", "Progress to the next tier");

    public static Text OfPointsKind(string kind) => kind switch
    {
        "order" => new("订单完成", "Completed order"),
        "sign_in" => new("每日签到", "Daily sign-in"),
        "review" => new("评价订单", "Order review"),
        "adjustment" => new("平台调整", "Adjustment"),
        "redeem" => new("下单抵扣", "Paid an order"),
        "give_back" => new("订单取消退回", "Given back"),
        "reversal" => new("退款扣回", "Taken back on refund"),
        "expiry" => new("过期", "Expired"),
        _ => new(kind, kind),
    };

    public static readonly Text CouponAvailable = new("可用", "Available");
    public static readonly Text CouponUsed = new("已使用", "Used");
    public static readonly Text CouponExpired = new("已过期", "Expired");
    public static readonly Text NoCoupons = new("还没有优惠券。", "No coupons yet.");
    public static readonly Text ClaimableCoupons = new("可领取的优惠券", "Coupons to claim");
    public static readonly Text Claim = new("领取", "Claim");
    public static readonly Text Claimed = new("已领取，已放入您的券包。", "Claimed: it is in your wallet.");
    public static readonly Text RedeemCode = new("兑换码", "Coupon code");
    public static readonly Text RedeemCoupon = new("兑换", "Redeem");
    public static readonly Text MinSpend = new("满 {0} 可用", "on {0} or more");

    public static readonly Text ReviewOrder = new("评价订单", "Review the order");
    public static readonly Text Rating = new("评分", "Rating");
    public static readonly Text StarsOf = new("{0} 星", "{0} stars");
    public static readonly Text ReviewComment = new("评价内容（选填）", "Comment (optional)");
    public static readonly Text ReviewEarns = new("评价可获积分，写下 15 字以上的评价再多得积分。", "A review earns points, and more with a comment of 15 characters or more.");
    public static readonly Text SendReview = new("提交评价", "Send the review");

    public static readonly Text LoyaltyProgramme = new("会员积分", "Loyalty");
    public static readonly Text PointsOutstanding = new("未使用积分", "Points outstanding");
    public static readonly Text PointsLiability = new("积分价值（待兑付）", "What they would pay");
    public static readonly Text ExpiringIn30Days = new("30 天内过期", "Expiring within 30 days");
    public static readonly Text Earned30Days = new("近 30 天发放", "Earned, last 30 days");
    public static readonly Text Spent30Days = new("近 30 天抵扣", "Spent, last 30 days");
    public static readonly Text Expired30Days = new("近 30 天过期", "Expired, last 30 days");
    public static readonly Text MembersPerTier = new("各等级会员数", "Members per tier");
    public static readonly Text PointsReconciliation = new("积分对账", "Points reconciliation");
    public static readonly Text CheckNow = new("立即核对", "Check now");
    public static readonly Text PointsReconciled = new("{0} 位会员的余额、积分流水与积分批次一致，共 {1} 积分。", "Balances, ledger and lots agree for {0} members: {1} points.");
    public static readonly Text PointsMismatched = new("{0} 位会员的积分账不一致，请检查。", "The points of {0} members do not agree; look into them.");

    public static readonly Text PriceBreakdown = new("价格明细", "Price breakdown");
    public static readonly Text PriceChecking = new("正在计算优惠…", "Working out the best price…");
    public static readonly Text BestCoupons = new("自动选择最优优惠券", "Best coupons for me");
    public static readonly Text NoCoupon = new("不使用优惠券", "No coupon");
    public static readonly Text UsePoints = new("使用 {0} 积分抵扣 {1}", "Use {0} points for {1}");
    public static readonly Text PointsPaid = new("积分抵扣", "Paid with points");
    public static readonly Text DeliveryDiscount = new("配送费优惠", "Delivery discount");
    public static readonly Text Gift = new("赠品", "Gift");
    public static readonly Text YouSave = new("共优惠 {0}", "You save {0}");
}
