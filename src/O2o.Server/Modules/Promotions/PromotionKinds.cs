using O2o.Server.Modules.Promotions.Pricing;

namespace O2o.Server.Modules.Promotions;

/// <summary>The kinds' names on the wire, and how a stored definition becomes a rule of the engine.</summary>
internal static class PromotionKinds
{
    public static readonly Dictionary<string, RuleKind> ByName = new(StringComparer.Ordinal)
    {
        ["spend_save"] = RuleKind.SpendSave, ["fixed_off"] = RuleKind.FixedOff, ["percent_off"] = RuleKind.PercentOff,
        ["nth_item"] = RuleKind.NthItem, ["bundle"] = RuleKind.Bundle, ["member_price"] = RuleKind.MemberPrice,
        ["free_delivery"] = RuleKind.FreeDelivery, ["gift"] = RuleKind.Gift,
    };

    /// <summary>A coupon takes money off the order or the delivery fee; item prices and gifts are promotions only.</summary>
    public static readonly HashSet<string> CouponKinds = ["spend_save", "fixed_off", "percent_off", "free_delivery"];

    public static string NameOf(RuleKind kind) => ByName.First(k => k.Value == kind).Key;

    public static readonly Dictionary<string, SalesChannels> Channels = new(StringComparer.Ordinal)
    {
        ["online"] = SalesChannels.Online, ["counter"] = SalesChannels.Counter,
    };

    public static string[] ChannelNames(int flags) => [.. Channels.Where(c => (flags & (int)c.Value) != 0).Select(c => c.Key)];

    public static PricingRule ToRule(Promotion p, Coupon? coupon = null) =>
        new(p.Id, ByName[p.Kind], p.NameZh, string.IsNullOrEmpty(p.NameEn) ? p.NameZh : p.NameEn, p.ProductIds, p.Categories)
        {
            CouponId = coupon?.Id,
            Channels = (SalesChannels)p.Channels, StoreIds = p.StoreIds, SegmentIds = p.SegmentIds, MinMemberTier = p.MinMemberTier,
            StartsAt = coupon is null ? p.StartsAt : Max(p.StartsAt, coupon.ValidFrom),
            EndsAt = coupon is null ? p.EndsAt : Min(p.EndsAt, coupon.ValidUntil),
            Tiers = [.. p.TierList().Select(t => new Tier(t.Threshold, t.Amount))],
            MinSpendFen = p.MinSpendFen, AmountFen = p.AmountFen, Percent = p.Percent, CapFen = p.CapFen, NthUnit = p.NthUnit, PriceFen = p.PriceFen,
            GiftProductId = p.GiftProductId ?? Guid.Empty, GiftQuantity = p.GiftQuantity,
            Exclusive = p.Exclusive, StackingGroup = p.StackingGroup,
            RemainingBudgetFen = p.BudgetFen is { } budget ? budget - p.SpentFen : null,
        };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
