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

/// <summary>Raised in the transaction that moves a customer to another tier (up on spend, down when spend leaves the 12-month window).</summary>
public sealed record MemberTierChanged(string CustomerId, int FromTier, int ToTier, long RollingSpendFen, DateTimeOffset At) : IDomainEvent;
