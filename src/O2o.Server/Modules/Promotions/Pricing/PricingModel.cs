namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>What a rule does. The kind fixes the layer it works in (see <see cref="PricingRule.Layer"/>).</summary>
internal enum RuleKind
{
    /// <summary>满减: the highest tier whose threshold the eligible amount reaches takes its amount off.</summary>
    SpendSave,
    /// <summary>A fixed amount off (a coupon like 无门槛减5元), optionally from a minimum spend.</summary>
    FixedOff,
    /// <summary>A percentage off the eligible amount, optionally from a minimum spend and up to a cap.</summary>
    PercentOff,
    /// <summary>第N件X折: every Nth unit of an eligible line is a percentage off (第二件半价: N=2, 50%).</summary>
    NthItem,
    /// <summary>One unit of each of the rule's products together for a bundle price.</summary>
    Bundle,
    /// <summary>会员价: a unit price for members of at least the rule's tier.</summary>
    MemberPrice,
    /// <summary>The delivery fee (or up to a cap of it) is waived from a minimum spend.</summary>
    FreeDelivery,
    /// <summary>买赠: from a minimum spend, a gift product comes with the order.</summary>
    Gift,
}

internal enum RuleLayer { Item, Order, Delivery, Gift }

[Flags]
internal enum SalesChannels
{
    None = 0,
    Online = 1,
    Counter = 2,
    All = Online | Counter,
}

internal readonly record struct Tier(long ThresholdFen, long AmountFen);

/// <summary>
/// One promotion or one coupon as the engine sees it: where and when it applies, what it takes off, how it stacks.
/// Built once per definition (the scope sets are hashed here), so pricing a cart only looks things up.
/// </summary>
internal sealed record PricingRule
{
    private readonly HashSet<Guid> _products;
    private readonly HashSet<string> _categories;

    public PricingRule(Guid id, RuleKind kind, string nameZh, string nameEn, IReadOnlyCollection<Guid>? productIds = null,
        IReadOnlyCollection<string>? categories = null)
    {
        (Id, Kind, NameZh, NameEn) = (id, kind, nameZh, nameEn);
        _products = productIds is null ? [] : [.. productIds];
        _categories = categories is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(categories, StringComparer.Ordinal);
        ProductIds = [.. _products];
    }

    public Guid Id { get; }
    /// <summary>Set for a coupon in a customer's wallet; <see cref="Id"/> is then its definition.</summary>
    public Guid? CouponId { get; init; }
    public RuleKind Kind { get; }
    public string NameZh { get; }
    public string NameEn { get; }
    public SalesChannels Channels { get; init; } = SalesChannels.All;
    /// <summary>Empty: every store.</summary>
    public IReadOnlyList<Guid> StoreIds { get; init; } = [];
    /// <summary>With <see cref="Categories"/>: the products it applies to; both empty means every product.</summary>
    public IReadOnlyList<Guid> ProductIds { get; }
    public IReadOnlyCollection<string> Categories => _categories;
    /// <summary>Empty: every customer; otherwise the customer must be in one of them.</summary>
    public IReadOnlyList<Guid> SegmentIds { get; init; } = [];
    public int MinMemberTier { get; init; }
    public DateTimeOffset StartsAt { get; init; } = DateTimeOffset.MinValue;
    public DateTimeOffset EndsAt { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>Spend-save tiers, increasing in threshold and amount.</summary>
    public IReadOnlyList<Tier> Tiers { get; init; } = [];
    public long MinSpendFen { get; init; }
    public long AmountFen { get; init; }
    /// <summary>1..99: percent off (PercentOff, NthItem).</summary>
    public int Percent { get; init; }
    /// <summary>PercentOff and FreeDelivery: the most it takes off; 0 means no cap.</summary>
    public long CapFen { get; init; }
    public int NthUnit { get; init; }
    /// <summary>MemberPrice: the unit price; Bundle: the price of one of each product.</summary>
    public long PriceFen { get; init; }
    public Guid GiftProductId { get; init; }
    public int GiftQuantity { get; init; }

    /// <summary>Applied alone: when the engine chooses it, no other promotion or coupon applies to the order.</summary>
    public bool Exclusive { get; init; }
    /// <summary>Order, delivery and gift rules: at most one rule of a group applies to an order.</summary>
    public string StackingGroup { get; init; } = "";
    /// <summary>What is left of the rule's discount budget; null: no budget. The engine never takes off more.</summary>
    public long? RemainingBudgetFen { get; init; }

    public bool IsCoupon => CouponId is not null;

    public RuleLayer Layer => Kind switch
    {
        RuleKind.NthItem or RuleKind.Bundle or RuleKind.MemberPrice => RuleLayer.Item,
        RuleKind.FreeDelivery => RuleLayer.Delivery,
        RuleKind.Gift => RuleLayer.Gift,
        _ => RuleLayer.Order,
    };

    public bool Covers(Guid productId, string? category) =>
        (_products.Count == 0 && _categories.Count == 0) || _products.Contains(productId) || (category is not null && _categories.Contains(category));

    public bool HasProduct(Guid productId) => _products.Contains(productId);

    /// <summary>The stacking group a rule gets when its definition names none: one per kind of saving, coupons apart.</summary>
    public static string DefaultGroup(RuleKind kind, bool coupon) => (kind, coupon) switch
    {
        (RuleKind.FreeDelivery, true) => "delivery_coupon",
        (RuleKind.FreeDelivery, false) => "delivery",
        (_, true) => "coupon",
        (RuleKind.Gift, false) => "gift",
        _ => "order",
    };
}

internal sealed record PricingLine(Guid ProductId, string? Category, long UnitPriceFen, int Quantity, bool FlashPriced = false);

internal sealed record PricingCustomer(string? Id, IReadOnlyList<Guid> SegmentIds, int MemberTier)
{
    public static readonly PricingCustomer Anonymous = new(null, [], 0);
}

internal sealed record PricingInput(
    IReadOnlyList<PricingLine> Lines, SalesChannels Channel, Guid StoreId, PricingCustomer Customer, DateTimeOffset At, long DeliveryFeeFen,
    IReadOnlyList<PricingRule> Promotions, IReadOnlyList<PricingRule> Coupons);

/// <summary>What one rule took off one line (or the delivery fee).</summary>
internal sealed record Adjustment(Guid PromotionId, Guid? CouponId, string NameZh, string NameEn, RuleKind Kind, long AmountFen);

internal sealed record PricedLine(int Index, Guid ProductId, long UnitPriceFen, int Quantity, long SubtotalFen, IReadOnlyList<Adjustment> Adjustments)
{
    public long DiscountFen { get; } = Sum(Adjustments);
    public long TotalFen => SubtotalFen - DiscountFen;

    private static long Sum(IReadOnlyList<Adjustment> adjustments)
    {
        long sum = 0;
        for (var i = 0; i < adjustments.Count; i++) sum += adjustments[i].AmountFen;
        return sum;
    }
}

internal sealed record GiftItem(Guid PromotionId, Guid? CouponId, string NameZh, string NameEn, Guid ProductId, int Quantity);

internal sealed record PricingResult(
    IReadOnlyList<PricedLine> Lines, long SubtotalFen, long DeliveryFeeFen, IReadOnlyList<Adjustment> DeliveryDiscounts, IReadOnlyList<GiftItem> Gifts,
    IReadOnlyList<Adjustment> Applied)
{
    public long LineDiscountFen => SubtotalFen - LinesTotalFen;
    public long LinesTotalFen { get; } = SumTotals(Lines);
    public long DeliveryDiscountFen => DeliveryDiscounts.Sum(d => d.AmountFen);
    public long DiscountFen => LineDiscountFen + DeliveryDiscountFen;
    public long TotalFen => LinesTotalFen + DeliveryFeeFen - DeliveryDiscountFen;

    public IEnumerable<Guid> ChosenCouponIds => Applied.Where(a => a.CouponId is not null).Select(a => a.CouponId!.Value)
        .Concat(Gifts.Where(g => g.CouponId is not null).Select(g => g.CouponId!.Value)).Distinct();

    private static long SumTotals(IReadOnlyList<PricedLine> lines)
    {
        long sum = 0;
        for (var i = 0; i < lines.Count; i++) sum += lines[i].TotalFen;
        return sum;
    }
}
