namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>The explanation of the chosen combination as it is applied: per line, for the delivery fee, and the gifts.</summary>
internal sealed class Record(int lines)
{
    private readonly List<(PricingRule Rule, long Amount)> _order = [];

    public List<Adjustment>[] PerLine { get; } = [.. Enumerable.Range(0, lines).Select(_ => new List<Adjustment>())];
    public List<Adjustment> Delivery { get; } = [];
    public List<GiftItem> Gifts { get; } = [];

    public void Line(int index, PricingRule rule, long amount)
    {
        if (amount <= 0) return;
        PerLine[index].Add(Of(rule, amount));
        Add(rule, amount);
    }

    public void DeliveryDiscount(PricingRule rule, long amount)
    {
        if (amount <= 0) return;
        Delivery.Add(Of(rule, amount));
        Add(rule, amount);
    }

    public void Gift(PricingRule rule) =>
        Gifts.Add(new GiftItem(rule.Id, rule.CouponId, rule.NameZh, rule.NameEn, rule.GiftProductId, rule.GiftQuantity));

    /// <summary>What each rule took in all, in the order they were applied.</summary>
    public List<Adjustment> Totals() => [.. _order.Select(o => Of(o.Rule, o.Amount))];

    private void Add(PricingRule rule, long amount)
    {
        var k = _order.FindIndex(o => ReferenceEquals(o.Rule, rule));
        if (k < 0) _order.Add((rule, amount));
        else _order[k] = (rule, _order[k].Amount + amount);
    }

    private static Adjustment Of(PricingRule rule, long amount) => new(rule.Id, rule.CouponId, rule.NameZh, rule.NameEn, rule.Kind, amount);
}
