namespace O2o.Server.Modules.Loyalty;

/// <summary>A tier: the rolling 12-month spend that reaches it and what it earns. Tier 1 starts at 0.</summary>
internal sealed class TierDefinition
{
    public int Tier { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public long SpendFen { get; set; }
    /// <summary>Points earned per yuan paid, in percent of the base rate.</summary>
    public int EarnPercent { get; set; } = 100;
}

internal sealed class LoyaltyOptions
{
    /// <summary>Base earning: points per whole yuan paid on a completed order.</summary>
    public int PointsPerYuan { get; set; } = 1;
    /// <summary>What one point is worth at checkout; 1 fen means 100 points = ¥1.</summary>
    public int FenPerPoint { get; set; } = 1;
    /// <summary>At most this share of an order (after promotions) may be paid with points, in percent.</summary>
    public int MaxRedeemPercent { get; set; } = 50;
    public int MinRedeemPoints { get; set; } = 100;
    /// <summary>Points expire this long after they were earned, oldest first.</summary>
    public TimeSpan PointsLifetime { get; set; } = TimeSpan.FromDays(365);
    public int SignInPoints { get; set; } = 5;
    /// <summary>Extra points on every seventh day of a sign-in streak.</summary>
    public int WeeklyStreakBonus { get; set; } = 20;
    public int ReviewPoints { get; set; } = 10;
    /// <summary>Extra points for a review with a written comment of at least 15 characters.</summary>
    public int ReviewCommentBonus { get; set; } = 10;
    /// <summary>The calendar a sign-in day follows.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public TimeSpan RollingWindow { get; set; } = TimeSpan.FromDays(365);
    /// <summary>How often points due are expired and tiers whose spend left the window reviewed.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(10);

    public List<TierDefinition> Tiers { get; set; } = [];

    /// <summary>The default tiers when configuration gives none.</summary>
    public static List<TierDefinition> DefaultTiers() =>
    [
        new() { Tier = MemberTiers.Member, NameZh = "普通会员", NameEn = "Member", SpendFen = 0, EarnPercent = 100 },
        new() { Tier = MemberTiers.Silver, NameZh = "银卡会员", NameEn = "Silver", SpendFen = 100_000, EarnPercent = 125 },
        new() { Tier = MemberTiers.Gold, NameZh = "金卡会员", NameEn = "Gold", SpendFen = 500_000, EarnPercent = 150 },
        new() { Tier = MemberTiers.Diamond, NameZh = "钻石会员", NameEn = "Diamond", SpendFen = 2_000_000, EarnPercent = 200 },
    ];

    public TierDefinition TierFor(long rollingSpendFen) => Tiers.Where(t => t.SpendFen <= rollingSpendFen).MaxBy(t => t.SpendFen) ?? Tiers[0];

    public TierDefinition Tier(int tier) => Tiers.FirstOrDefault(t => t.Tier == tier) ?? Tiers[0];

    public string? Invalid()
    {
        if (PointsPerYuan < 0 || FenPerPoint < 1 || MaxRedeemPercent is < 0 or > 100 || MinRedeemPoints < 1) return "Loyalty: earning and redemption rates out of range.";
        if (PointsLifetime <= TimeSpan.Zero || RollingWindow <= TimeSpan.Zero || MaintenanceInterval <= TimeSpan.Zero) return "Loyalty: durations must be positive.";
        if (SignInPoints < 0 || WeeklyStreakBonus < 0 || ReviewPoints < 0 || ReviewCommentBonus < 0) return "Loyalty: activity points must not be negative.";
        if (TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) is false) return $"Loyalty:TimeZone '{TimeZone}' is unknown.";
        var ordered = Tiers.OrderBy(t => t.Tier).ToList();
        if (ordered.Count == 0 || ordered[0].Tier != MemberTiers.Member || ordered[0].SpendFen != 0) return "Loyalty:Tiers must start with tier 1 at spend 0.";
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Tier != ordered[i - 1].Tier + 1 || ordered[i].SpendFen <= ordered[i - 1].SpendFen)
                return "Loyalty:Tiers must be numbered 1, 2, 3… with increasing spend.";
        if (ordered.Any(t => t.EarnPercent < 0 || string.IsNullOrWhiteSpace(t.NameZh) || string.IsNullOrWhiteSpace(t.NameEn)))
            return "Loyalty:Tiers need names in Chinese and English and a non-negative earn rate.";
        return null;
    }
}
