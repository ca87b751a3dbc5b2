using O2o.Server.Kernel;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// Membership tiers by rolling 12-month spend: 1 member (普通会员), 2 silver (银卡), 3 gold (金卡), 4 diamond (钻石).
/// Every registered customer is at least tier 1; an anonymous counter sale is tier 0.
/// </summary>
public static class MemberTiers
{
    public const int Anonymous = 0;
    public const int Member = 1;
    public const int Silver = 2;
    public const int Gold = 3;
    public const int Diamond = 4;
}

/// <summary>
/// Raised in the transaction that moves a customer to another tier (up on spend, down when spend leaves the 12-month window), with the
/// new tier's names as configured.
/// </summary>
public sealed record MemberTierChanged(string CustomerId, int FromTier, int ToTier, long RollingSpendFen, DateTimeOffset At, string ToNameZh = "",
    string ToNameEn = "") : IDomainEvent;

/// <summary>Points a checkout may use: how many, and what they take off in fen.</summary>
public sealed record PointsUse(int Points, long ValueFen);

/// <summary>The Loyalty module's facade: the tier pricing needs, and points spent as money at checkout.</summary>
public interface ILoyalty
{
    /// <summary>The customer's tier; <see cref="MemberTiers.Member"/> for one who never bought.</summary>
    Task<int> TierOfAsync(string customerId, CancellationToken ct);

    /// <summary>
    /// What <paramref name="points"/> are worth on an order that would otherwise cost <paramref name="payableFen"/>: an error when the customer
    /// has fewer, when they are below the minimum, or above the share of an order points may pay. Writes nothing.
    /// </summary>
    Task<Result<PointsUse>> QuoteAsync(string customerId, int points, long payableFen, CancellationToken ct);

    /// <summary>
    /// Spends the points on order <paramref name="orderId"/> in the caller's transaction, oldest first; an error (nothing spent) when another
    /// checkout spent them meanwhile. Given back when the order is cancelled or refunded.
    /// </summary>
    Task<Error?> SpendAsync(Guid orderId, string customerId, int points, CancellationToken ct);
}
