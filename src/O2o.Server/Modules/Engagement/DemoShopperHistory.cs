namespace O2o.Server.Modules.Engagement;

/// <summary>
/// Synthetic purchase history for the demo shoppers (the demo's purchases are made up; they are not orders in Ordering): regulars who
/// buy every week or three, lapsed customers whose last purchase was over 30 days before the win-back campaign, and newcomers. Targets
/// of the campaign convert within its window with a known effect: 34% when treated, 15% in the control group.
/// </summary>
internal sealed class DemoShopperHistory(Random random, IReadOnlyList<Guid> storeIds, DateTimeOffset now, DateTimeOffset launchedAt, int windowDays)
{
    public const double TreatedConversion = 0.34, ControlConversion = 0.15, CouponUse = 0.7;
    public const long CouponFen = 1000;

    public List<Purchase> Purchases { get; } = [];
    public List<(string CustomerId, Guid? OrderId, DateTimeOffset? UsedAt)> Coupons { get; } = [];

    /// <summary>Adds the customer's history; true when the campaign targeted them (bought in the year before launch, not in its last 30 days).</summary>
    public bool Add(string customerId, Func<bool> inControl)
    {
        var favourite = storeIds[random.Next(storeIds.Count)];
        var bigSpender = random.NextDouble() < 0.1;
        var roll = random.NextDouble();
        if (roll < 0.40)
            for (var at = now.AddDays(-365 + random.Next(20)); at < now.AddHours(-2); at = at.AddDays(5 + random.Next(20)))
                Buy(customerId, favourite, at, bigSpender);
        else if (roll < 0.87)
        {
            var last = launchedAt.AddDays(-31 - random.Next(200));
            for (var at = last.AddDays(-random.Next(20, 300)); at < last; at = at.AddDays(10 + random.Next(30)))
                Buy(customerId, favourite, at, bigSpender);
            Buy(customerId, favourite, last, bigSpender);
        }
        else
            for (var i = random.Next(1, 3); i > 0; i--)
                Buy(customerId, favourite, now.AddDays(-random.Next(1, 20)).AddMinutes(-random.Next(600)), bigSpender);

        var mine = Purchases.Where(p => p.CustomerId == customerId).ToList();
        var targeted = mine.Any(p => p.PaidAt > launchedAt.AddDays(-365) && p.PaidAt < launchedAt)
            && !mine.Any(p => p.PaidAt >= launchedAt.AddDays(-30) && p.PaidAt < launchedAt);
        if (targeted) Respond(customerId, favourite, bigSpender, inControl());
        return targeted;
    }

    private void Respond(string customerId, Guid store, bool bigSpender, bool control)
    {
        if (random.NextDouble() >= (control ? ControlConversion : TreatedConversion))
        {
            if (!control) Coupons.Add((customerId, null, null));
            return;
        }
        var first = launchedAt.AddHours(2 + random.Next(24 * windowDays - 4));
        // The campaign's orders are everyday baskets (¥60–¥220), whoever buys them.
        var order = Buy(customerId, store, first, bigSpender: false, minFen: 6000);
        if (!control)
        {
            var used = random.NextDouble() < CouponUse;
            if (used) Purchases[^1] = new Purchase { OrderId = order, CustomerId = customerId, StoreId = store, AmountFen = Purchases[^1].AmountFen - CouponFen, PaidAt = first };
            Coupons.Add((customerId, used ? order : null, used ? first : null));
        }
        // Won back: some keep buying after the window.
        if (random.NextDouble() < 0.5)
            for (var at = launchedAt.AddDays(windowDays + random.Next(1, 5)); at < now.AddHours(-2); at = at.AddDays(6 + random.Next(12)))
                Buy(customerId, store, at, bigSpender);
    }

    private Guid Buy(string customerId, Guid favourite, DateTimeOffset at, bool bigSpender, long minFen = 3000)
    {
        var store = random.NextDouble() < 0.75 ? favourite : storeIds[random.Next(storeIds.Count)];
        var amount = bigSpender ? random.Next(30_000, 80_000) : random.Next((int)minFen, 22_000);
        var order = Kernel.StableId.From($"demo:engagement-purchase:{customerId}:{Purchases.Count}");
        Purchases.Add(new Purchase { OrderId = order, CustomerId = customerId, StoreId = store, AmountFen = amount / 10 * 10, PaidAt = at });
        return order;
    }
}
