namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>A rule that applies to this cart, with the lines it may touch (in line order).</summary>
internal sealed class Candidate(PricingRule rule, int[] eligible, int rank)
{
    public PricingRule Rule { get; } = rule;
    public int[] Eligible { get; } = eligible;
    /// <summary>Position in the fixed order promotions-before-coupons, then by id: application order and tie-breaks.</summary>
    public int Rank { get; } = rank;
}

/// <summary>
/// Item-level prices (member price, Nth item, bundles): a line takes at most one of them, the one that leaves it cheapest;
/// bundles claim whole lines and are chosen by trying every set of non-overlapping bundles.
/// </summary>
internal static class ItemLayer
{
    public const int MaxBundles = 8;

    /// <summary>Fills <paramref name="discount"/> and <paramref name="ruleOf"/> (candidate per line, -1 for none).</summary>
    public static void Plan(IReadOnlyList<PricingLine> lines, List<Candidate> items, long[] discount, int[] ruleOf)
    {
        var n = lines.Count;
        Array.Fill(ruleOf, -1);
        Array.Clear(discount);
        List<Candidate>? bundles = null;
        foreach (var c in items)
        {
            if (c.Rule.Kind == RuleKind.Bundle)
            {
                if ((bundles ??= []).Count < MaxBundles && BundleCount(lines, c) > 0) bundles.Add(c);
                continue;
            }
            foreach (var i in c.Eligible)
            {
                var d = LineDiscount(c.Rule, lines[i]);
                if (d > discount[i]) (discount[i], ruleOf[i]) = (d, c.Rank);
            }
        }
        if (bundles is not null) ChooseBundles(lines, bundles, discount, ruleOf);
        TrimToBudgets(items, discount, ruleOf, n);
    }

    public static long LineDiscount(PricingRule rule, PricingLine line) => rule.Kind switch
    {
        RuleKind.MemberPrice => Math.Max(0, line.UnitPriceFen - rule.PriceFen) * line.Quantity,
        // Each discounted unit is rounded down to the fen on its own, so the saving never depends on how the cart is split.
        RuleKind.NthItem => line.UnitPriceFen * rule.Percent / 100 * (line.Quantity / rule.NthUnit),
        _ => 0,
    };

    /// <summary>How many complete bundles the cart holds: one unit of each of the rule's products per bundle.</summary>
    public static int BundleCount(IReadOnlyList<PricingLine> lines, Candidate c)
    {
        if (c.Eligible.Length != c.Rule.ProductIds.Count || c.Eligible.Length < 2) return 0;
        var count = int.MaxValue;
        foreach (var i in c.Eligible) count = Math.Min(count, lines[i].Quantity);
        return count;
    }

    private static void ChooseBundles(IReadOnlyList<PricingLine> lines, List<Candidate> bundles, long[] discount, int[] ruleOf)
    {
        var b = bundles.Count;
        var values = new long[b];
        var shares = new long[b][];
        for (var k = 0; k < b; k++) (values[k], shares[k]) = BundleShares(lines, bundles[k]);

        var (bestMask, bestGain) = (0, 0L);
        for (var mask = 1; mask < 1 << b; mask++)
        {
            if (!Disjoint(bundles, mask)) continue;
            long gain = 0;
            for (var k = 0; k < b; k++)
            {
                if ((mask & (1 << k)) == 0) continue;
                gain += values[k];
                foreach (var i in bundles[k].Eligible) gain -= discount[i];
            }
            if (gain > bestGain) (bestMask, bestGain) = (mask, gain);
        }
        for (var k = 0; k < b; k++)
        {
            if ((bestMask & (1 << k)) == 0) continue;
            foreach (var i in bundles[k].Eligible) (discount[i], ruleOf[i]) = (shares[k][i], bundles[k].Rank);
        }
    }

    private static (long Value, long[] Shares) BundleShares(IReadOnlyList<PricingLine> lines, Candidate c)
    {
        var count = BundleCount(lines, c);
        var weights = new long[lines.Count];
        long regular = 0;
        foreach (var i in c.Eligible)
        {
            weights[i] = lines[i].UnitPriceFen * count;
            regular += lines[i].UnitPriceFen;
        }
        var value = Math.Max(0, regular - c.Rule.PriceFen) * count;
        var shares = new long[lines.Count];
        Allocation.Split(value, c.Eligible, weights, shares);
        return (value, shares);
    }

    private static bool Disjoint(List<Candidate> bundles, int mask)
    {
        for (var a = 0; a < bundles.Count; a++)
            for (var b = a + 1; b < bundles.Count; b++)
                if ((mask & (1 << a)) != 0 && (mask & (1 << b)) != 0 && Overlap(bundles[a].Eligible, bundles[b].Eligible)) return false;
        return true;
    }

    private static bool Overlap(int[] x, int[] y)
    {
        foreach (var i in x)
            foreach (var j in y)
                if (i == j) return true;
        return false;
    }

    /// <summary>A rule with little budget left gives what is left, to its lines in line order.</summary>
    private static void TrimToBudgets(List<Candidate> items, long[] discount, int[] ruleOf, int n)
    {
        foreach (var c in items)
        {
            if (c.Rule.RemainingBudgetFen is not { } left) continue;
            for (var i = 0; i < n; i++)
            {
                if (ruleOf[i] != c.Rank) continue;
                var d = Math.Min(discount[i], Math.Max(0, left));
                left -= d;
                discount[i] = d;
                if (d == 0) ruleOf[i] = -1;
            }
        }
    }
}
