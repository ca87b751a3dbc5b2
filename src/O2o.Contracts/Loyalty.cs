namespace O2o.Contracts;

/// <summary>A membership tier: the rolling 12-month spend (fen) that reaches it, its points rate in percent of the base, and what it gives.</summary>
public sealed record TierResponse(int Tier, string Name, long SpendFen, int EarnPercent, string[] Benefits);

/// <summary>
/// My membership: points (and what they are worth), tier and the spend that holds it, the next tier and what it still takes, points that
/// expire within 30 days, and today's sign-in.
/// </summary>
public sealed record LoyaltyResponse(long Points, long PointsValueFen, TierResponse Tier, long RollingSpendFen, TierResponse? NextTier, long? SpendToNextTierFen,
    long ExpiringPoints, DateTimeOffset? ExpiringBy, bool SignedInToday, int SignInStreak, int FenPerPoint, int MinRedeemPoints, int MaxRedeemPercent);

/// <summary>An entry of the points ledger: kind (order, sign_in, review, adjustment, redeem, give_back, reversal, expiry), signed points.</summary>
public sealed record PointsEntryResponse(string Id, string Kind, long Points, string? OrderId, string? Note, DateTimeOffset At, DateTimeOffset? ExpiresAt);

public sealed record SignInResponse(long PointsEarned, int Streak, long Points);

/// <summary>An adjustment by the platform: signed points and why (shown to the customer).</summary>
public sealed record PointsAdjustmentRequest(long? Points, string? Reason);

public sealed record MemberResponse(string CustomerId, long Points, int Tier, long RollingSpendFen, DateTimeOffset? TierSince, int SignInStreak);

/// <summary>The points books checked against each other: balances, the ledger and the lots must give the same sum for every member.</summary>
public sealed record PointsReconciliationResponse(int Members, long BalanceTotal, long LedgerTotal, long LotsRemainingTotal, string[] MismatchedCustomerIds, bool Reconciled);

/// <summary>The coupon promotions issued to a customer on reaching a tier.</summary>
public sealed record TierCouponsRequest(string[]? PromotionIds);

public sealed record TierMembersResponse(int Tier, string Name, int Members);

/// <summary>
/// The programme at a glance: members per tier, points outstanding and what they would pay (fen), points expiring within 30 days,
/// and points earned (positive adjustments included), spent net of what came back, and expired over the last 30 days.
/// </summary>
public sealed record LoyaltySummaryResponse(TierMembersResponse[] Tiers, long PointsOutstanding, long LiabilityFen, long ExpiringIn30Days,
    long Earned30Days, long Spent30Days, long Expired30Days);

/// <summary>A tier as admins manage it: the tier and the coupon promotions issued to a customer on reaching it.</summary>
public sealed record AdminTierResponse(TierResponse Tier, string[] WelcomeCouponPromotionIds);
