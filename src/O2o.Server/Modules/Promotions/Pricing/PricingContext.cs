namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>One pricing run: the cart's figures and scratch arrays, reused by every combination it tries.</summary>
internal sealed class PricingContext
{
    private readonly PricingInput _input;
    private readonly long[] _base, _itemDiscount, _itemAmount, _amount, _shares;
    private readonly int[] _ruleOf;

    public PricingContext(PricingInput input, List<Candidate> candidates)
    {
        _input = input;
        Candidates = candidates;
        var n = input.Lines.Count;
        (_base, _itemDiscount, _itemAmount, _amount, _shares, _ruleOf) = (new long[n], new long[n], new long[n], new long[n], new long[n], new int[n]);
        for (var i = 0; i < n; i++) _base[i] = input.Lines[i].UnitPriceFen * input.Lines[i].Quantity;
    }

    public List<Candidate> Candidates { get; }

    public Choice Search(List<Candidate> candidates)
    {
        var items = new List<Candidate>();
        var groups = new SortedDictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Rule.Layer == RuleLayer.Item) items.Add(c);
            else if (groups.TryGetValue(c.Rule.StackingGroup, out var members)) members.Add(c);
            else groups[c.Rule.StackingGroup] = [c];
        }
        var itemSaving = PlanItems(items);
        var options = Prune([.. groups.Values]);

        var digits = new int[options.Length];
        var chosen = new int[options.Length];
        var best = new Choice(items, [], itemSaving, 0);
        // The first combination is "none of them"; a later one replaces the best only when it is strictly better.
        while (Next(digits, options))
        {
            var count = 0;
            for (var g = 0; g < options.Length; g++)
                if (digits[g] > 0) chosen[count++] = options[g][digits[g] - 1].Rank;
            var picked = chosen.AsSpan(0, count);
            picked.Sort();
            var (saving, gifts) = Apply(picked, null);
            if (itemSaving + saving > best.DiscountFen || (itemSaving + saving == best.DiscountFen && gifts > best.Gifts))
                best = new Choice(items, picked.ToArray(), itemSaving + saving, gifts);
        }
        return best;
    }

    public PricingResult Build(Choice choice)
    {
        var n = _input.Lines.Count;
        PlanItems(choice.Items);
        var record = new Record(n);
        for (var i = 0; i < n; i++)
            if (_ruleOf[i] >= 0) record.Line(i, Candidates[_ruleOf[i]].Rule, _itemDiscount[i]);
        Apply(choice.Chosen, record);

        var lines = new PricedLine[n];
        long subtotal = 0;
        for (var i = 0; i < n; i++)
        {
            var line = _input.Lines[i];
            lines[i] = new PricedLine(i, line.ProductId, line.UnitPriceFen, line.Quantity, _base[i], record.PerLine[i]);
            subtotal += _base[i];
        }
        return new PricingResult(lines, subtotal, _input.DeliveryFeeFen, record.Delivery, record.Gifts, record.Totals());
    }

    private long PlanItems(List<Candidate> items)
    {
        ItemLayer.Plan(_input.Lines, items, _itemDiscount, _ruleOf);
        long saving = 0;
        for (var i = 0; i < _base.Length; i++)
        {
            _itemAmount[i] = _base[i] - _itemDiscount[i];
            saving += _itemDiscount[i];
        }
        return saving;
    }

    /// <summary>Applies order, delivery and gift rules in rank order to what the items cost; returns the saving and the gifts.</summary>
    private (long Saving, int Gifts) Apply(ReadOnlySpan<int> ranks, Record? record)
    {
        Array.Copy(_itemAmount, _amount, _amount.Length);
        var feeLeft = _input.DeliveryFeeFen;
        long saving = 0;
        var gifts = 0;
        foreach (var rank in ranks)
        {
            var c = Candidates[rank];
            var rule = c.Rule;
            long threshold = 0, remaining = 0;
            foreach (var i in c.Eligible) (threshold, remaining) = (threshold + _itemAmount[i], remaining + _amount[i]);
            var budget = rule.RemainingBudgetFen ?? long.MaxValue;
            switch (rule.Layer)
            {
                case RuleLayer.Order:
                    var d = Math.Min(Math.Min(OrderDiscount(rule, threshold, remaining), remaining), budget);
                    if (d <= 0) break;
                    Allocation.Split(d, c.Eligible, _amount, _shares);
                    foreach (var i in c.Eligible)
                    {
                        _amount[i] -= _shares[i];
                        record?.Line(i, rule, _shares[i]);
                    }
                    saving += d;
                    break;
                case RuleLayer.Delivery:
                    if (threshold < rule.MinSpendFen || feeLeft <= 0) break;
                    var waived = Math.Min(Math.Min(feeLeft, rule.CapFen > 0 ? rule.CapFen : feeLeft), budget);
                    feeLeft -= waived;
                    saving += waived;
                    record?.DeliveryDiscount(rule, waived);
                    break;
                case RuleLayer.Gift:
                    if (threshold < rule.MinSpendFen || rule.GiftQuantity <= 0) break;
                    gifts++;
                    record?.Gift(rule);
                    break;
            }
        }
        return (saving, gifts);
    }

    public static long OrderDiscount(PricingRule rule, long threshold, long remaining)
    {
        switch (rule.Kind)
        {
            case RuleKind.SpendSave:
                long amount = 0;
                foreach (var tier in rule.Tiers)
                    if (threshold >= tier.ThresholdFen) amount = tier.AmountFen;
                return amount;
            case RuleKind.FixedOff:
                return threshold >= rule.MinSpendFen ? rule.AmountFen : 0;
            case RuleKind.PercentOff:
                if (threshold < rule.MinSpendFen) return 0;
                // Rounded down to the fen: the customer never gets more than the rule promises.
                var off = (long)((Int128)remaining * rule.Percent / 100);
                return rule.CapFen > 0 ? Math.Min(off, rule.CapFen) : off;
            default:
                return 0;
        }
    }

    /// <summary>Each stacking group offers "none" or one of its members; too many combinations keep each group's best few.</summary>
    private List<Candidate>[] Prune(List<Candidate>[] groups)
    {
        double combinations = 1;
        foreach (var g in groups) combinations *= g.Count + 1;
        if (combinations <= PriceEngine.MaxCombinations) return groups;

        var value = new Dictionary<int, long>();
        foreach (var g in groups)
            foreach (var c in g)
            {
                var (saving, gifts) = Apply([c.Rank], null);
                value[c.Rank] = saving * 2 + gifts;
            }
        foreach (var g in groups) g.Sort((a, b) => value[a.Rank] != value[b.Rank] ? value[b.Rank].CompareTo(value[a.Rank]) : a.Rank.CompareTo(b.Rank));
        while (true)
        {
            combinations = 1;
            var largest = 0;
            for (var k = 0; k < groups.Length; k++)
            {
                combinations *= groups[k].Count + 1;
                if (groups[k].Count > groups[largest].Count) largest = k;
            }
            if (combinations <= PriceEngine.MaxCombinations) break;
            groups[largest].RemoveAt(groups[largest].Count - 1);
        }
        foreach (var g in groups) g.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return groups;
    }

    private static bool Next(int[] digits, List<Candidate>[] options)
    {
        for (var g = 0; g < digits.Length; g++)
        {
            if (++digits[g] <= options[g].Count) return true;
            digits[g] = 0;
        }
        return false;
    }
}
