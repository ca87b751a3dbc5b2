namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>
/// Prices a cart against the promotions and coupons that may apply, choosing the combination that saves the customer most.
/// The calculation order is fixed (as 单品 → 订单 → 运费 in Chinese retail): item-level prices first, then order-level
/// discounts on what the items cost after them, then the delivery fee; gifts come with the thresholds they reach. Pure and
/// deterministic: the same input gives the same answer, fen for fen. See the README's "Promotions and coupons".
/// </summary>
internal static class PriceEngine
{
    /// <summary>Above this many combinations of order-level choices, each stacking group keeps only its best few candidates.</summary>
    public const int MaxCombinations = 256;

    public static PricingResult Price(PricingInput input)
    {
        var context = new PricingContext(input, Applicable(input));
        var normal = new List<Candidate>();
        var exclusive = new List<Candidate>();
        foreach (var c in context.Candidates) (c.Rule.Exclusive ? exclusive : normal).Add(c);

        var best = context.Search(normal);
        foreach (var c in exclusive)
        {
            var alone = context.Search([c]);
            if (alone.IsBetterThan(best)) best = alone;
        }
        return context.Build(best);
    }

    /// <summary>The rules whose channel, store, window, customer conditions and products fit this cart, in rank order.</summary>
    private static List<Candidate> Applicable(PricingInput input)
    {
        var rules = new List<PricingRule>(input.Promotions.Count + input.Coupons.Count);
        foreach (var r in input.Promotions) if (!r.IsCoupon) rules.Add(r);
        foreach (var r in input.Coupons) if (r.IsCoupon) rules.Add(r);
        rules.Sort(static (a, b) => a.IsCoupon != b.IsCoupon ? (a.IsCoupon ? 1 : -1)
            : a.Id != b.Id ? a.Id.CompareTo(b.Id) : Nullable.Compare(a.CouponId, b.CouponId));

        var candidates = new List<Candidate>();
        var eligible = new List<int>(input.Lines.Count);
        foreach (var rule in rules)
        {
            if (!Fits(rule, input)) continue;
            eligible.Clear();
            for (var i = 0; i < input.Lines.Count; i++)
            {
                var line = input.Lines[i];
                // A flash-sale price is a promotion of its own that excludes every other: such lines neither get nor count toward discounts.
                if (!line.FlashPriced && line.Quantity > 0 && rule.Covers(line.ProductId, line.Category)) eligible.Add(i);
            }
            if (eligible.Count > 0) candidates.Add(new Candidate(rule, [.. eligible], candidates.Count));
        }
        return candidates;
    }

    private static bool Fits(PricingRule rule, PricingInput input)
    {
        if ((rule.Channels & input.Channel) == 0 || input.At < rule.StartsAt || input.At >= rule.EndsAt) return false;
        if (rule.RemainingBudgetFen is <= 0) return false;
        if (rule.MinMemberTier > input.Customer.MemberTier) return false;
        if (rule.StoreIds.Count > 0 && !Contains(rule.StoreIds, input.StoreId)) return false;
        if (rule.SegmentIds.Count == 0) return true;
        foreach (var segment in input.Customer.SegmentIds)
            if (Contains(rule.SegmentIds, segment)) return true;
        return false;
    }

    private static bool Contains(IReadOnlyList<Guid> ids, Guid id)
    {
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] == id) return true;
        return false;
    }
}

/// <summary>A combination: the item-level rules in play and one choice (or none) per stacking group of the others.</summary>
internal sealed record Choice(List<Candidate> Items, int[] Chosen, long DiscountFen, int Gifts)
{
    /// <summary>More saved wins, then more gifts; on a tie the combination found first (fewer and lower-ranked rules) stays.</summary>
    public bool IsBetterThan(Choice other) => DiscountFen > other.DiscountFen || (DiscountFen == other.DiscountFen && Gifts > other.Gifts);
}
