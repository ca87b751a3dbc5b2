namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>One pricing run: the cart's figures and scratch arrays, reused by every combination it tries.</summary>
internal sealed class PricingContext
{
    private readonly PricingInput _input;
    private readonly long[] _base, _itemDiscount, _itemAmount, _amount, _shares;
    private readonly int[] _ruleOf;
    /// <summary>Per candidate: its eligible lines' amount after item prices, which its threshold reads.</summary>
    private readonly long[] _threshold;

    public PricingContext(PricingInput input, List<Candidate> candidates)
    {
        _input = input;
        Candidates = candidates;
        var n = input.Lines.Count;
        (_base, _itemDiscount, _itemAmount, _amount, _shares, _ruleOf) = (new long[n], new long[n], new long[n], new long[n], new long[n], new int[n]);
        for (var i = 0; i < n; i++) _base[i] = input.Lines[i].UnitPriceFen * input.Lines[i].Quantity;
        _threshold = new long[candidates.Count];
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

        // Layers do not affect each other (thresholds read item amounts; order rules take from goods, delivery rules from the fee),
        // so each layer is searched on its own unless an admin put rules of two layers into one stacking group.
        var all = groups.Values.ToList();
        var mixed = all.Exists(g => g.Exists(c => c.Rule.Layer != g[0].Rule.Layer));
        var searches = mixed ? [all] : all.GroupBy(g => g[0].Rule.Layer).OrderBy(l => l.Key).Select(l => l.ToList()).ToList();
        var chosen = new List<int>();
        long saving = itemSaving;
        var gifts = 0;
        foreach (var search in searches)
        {
            var (picked, layerSaving, layerGifts) = Enumerate(Prune([.. search]));
            chosen.AddRange(picked);
            (saving, gifts) = (saving + layerSaving, gifts + layerGifts);
        }
        chosen.Sort();
        return new Choice(items, [.. chosen], saving, gifts);
    }

    /// <summary>Every combination of one choice (or none) per group; the first found of the best stays, so ties keep fewer, lower-ranked rules.</summary>
    private (int[] Picked, long Saving, int Gifts) Enumerate(List<Candidate>[] options)
    {
        var digits = new int[options.Length];
        var chosen = new int[options.Length];
        var (best, bestSaving, bestGifts) = (Array.Empty<int>(), 0L, 0);
        while (Next(digits, options))
        {
            var count = 0;
            for (var g = 0; g < options.Length; g++)
                if (digits[g] > 0) chosen[count++] = options[g][digits[g] - 1].Rank;
            var picked = chosen.AsSpan(0, count);
            picked.Sort();
            var (saving, gifts) = Apply(picked, null);
            if (saving > bestSaving || (saving == bestSaving && gifts > bestGifts)) (best, bestSaving, bestGifts) = (picked.ToArray(), saving, gifts);
        }
        return (best, bestSaving, bestGifts);
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
        foreach (var c in Candidates)
        {
            long threshold = 0;
            foreach (var i in c.Eligible) threshold += _itemAmount[i];
            _threshold[c.Rank] = threshold;
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
        for (var k = 0; k < ranks.Length; k++)
        {
            var c = Candidates[ranks[k]];
            var rule = c.Rule;
            var threshold = _threshold[c.Rank];
            var budget = rule.RemainingBudgetFen ?? long.MaxValue;
            switch (rule.Layer)
            {
                case RuleLayer.Order:
                    long remaining = 0;
                    foreach (var i in c.Eligible) remaining += _amount[i];
                    var d = Math.Min(Math.Min(OrderDiscount(rule, threshold, remaining), remaining), budget);
                    if (d <= 0) break;
                    saving += d;
                    // While searching, what the last rule leaves on each line is never read again.
                    if (record is null && k == ranks.Length - 1) break;
                    Allocation.Split(d, c.Eligible, _amount, _shares);
                    foreach (var i in c.Eligible)
                    {
                        _amount[i] -= _shares[i];
                        record?.Line(i, rule, _shares[i]);
                    }
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

    /// <summary>
    /// Each stacking group offers "none" or one of its members. Members that cannot change the outcome go first: those that save
    /// nothing and give nothing on their own (thresholds read item amounts, so they never do in company either), and a fixed amount
    /// beaten by another fixed amount on the very same lines. If the combinations still exceed <see cref="PriceEngine.MaxCombinations"/>,
    /// the largest group keeps its best members by what they save alone.
    /// </summary>
    private List<Candidate>[] Prune(List<Candidate>[] groups)
    {
        var value = new Dictionary<int, long>();
        foreach (var g in groups)
            foreach (var c in g)
            {
                var (saving, gifts) = Apply([c.Rank], null);
                value[c.Rank] = saving * 2 + gifts;
            }
        foreach (var g in groups)
        {
            g.RemoveAll(c => value[c.Rank] == 0 || g.Exists(o => o != c && Dominates(o, c, value)));
            g.Sort((a, b) => value[a.Rank] != value[b.Rank] ? value[b.Rank].CompareTo(value[a.Rank]) : a.Rank.CompareTo(b.Rank));
        }
        groups = [.. groups.Where(g => g.Count > 0)];
        while (true)
        {
            double combinations = 1;
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

    /// <summary>Two fixed amounts on the same lines: the larger leaves the customer better off in any company (ties: the lower rank).</summary>
    private static bool Dominates(Candidate a, Candidate b, Dictionary<int, long> value) =>
        IsFixed(a.Rule) && IsFixed(b.Rule) && a.Eligible.AsSpan().SequenceEqual(b.Eligible)
        && (value[a.Rank] > value[b.Rank] || (value[a.Rank] == value[b.Rank] && a.Rank < b.Rank));

    private static bool IsFixed(PricingRule rule) => rule.Kind is RuleKind.SpendSave or RuleKind.FixedOff;

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
