using O2o.Server.Modules.Promotions.Pricing;

namespace O2o.Bench;

/// <summary>
/// The benchmark's cart: 20 lines in 6 categories against 50 live promotions of every kind (some exclusive, some with budgets)
/// and 5 coupons in the wallet. Generated from a seed, so the tests and the benchmark price the very same cart.
/// </summary>
internal static class PricingScenario
{
    public static readonly Guid Store = new("00000000-0000-0000-0000-00000000beef");
    public static readonly DateTimeOffset At = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    public static readonly PricingCustomer Member = new("bench-customer", [new Guid("00000000-0000-0000-0000-0000000000c1")], 2);
    private static readonly string[] Categories = ["dairy", "bakery", "fruit", "drinks", "snacks", "frozen"];

    public static (PricingLine[] Lines, PricingRule[] Promotions, PricingRule[] Coupons) Build(int seed)
    {
        var random = new Random(seed);
        var products = Enumerable.Range(1, 20).Select(i => new Guid($"00000000-0000-0000-0001-{i:D12}")).ToArray();
        var lines = products.Select((p, i) => new PricingLine(p, Categories[i % Categories.Length], random.Next(300, 9000), random.Next(1, 5), i == 19)).ToArray();

        var promotions = new List<PricingRule>();
        for (var k = 0; k < 50; k++)
        {
            var id = new Guid($"00000000-0000-0000-0002-{k:D12}");
            var category = Categories[random.Next(Categories.Length)];
            var scoped = random.Next(3) == 0 ? new[] { category } : null;
            var product = products[random.Next(products.Length)];
            promotions.Add((k % 10) switch
            {
                0 or 1 => new PricingRule(id, RuleKind.SpendSave, $"满减{k}", $"Spend and save {k}", categories: scoped)
                {
                    Tiers = [new(5000, 500), new(10000, 1200), new(20000, 3000)], StackingGroup = k % 20 == 0 ? "order" : "storewide",
                },
                2 => new PricingRule(id, RuleKind.PercentOff, $"折扣{k}", $"Percent off {k}", categories: scoped)
                {
                    Percent = 5 + random.Next(20), CapFen = 2000, StackingGroup = "order", Exclusive = k % 4 == 0,
                },
                3 => new PricingRule(id, RuleKind.NthItem, $"第二件半价{k}", $"Second at half price {k}", [product]) { NthUnit = 2, Percent = 50 },
                4 => new PricingRule(id, RuleKind.MemberPrice, $"会员价{k}", $"Member price {k}", [product])
                {
                    PriceFen = 250, MinMemberTier = 1 + random.Next(3),
                },
                5 => new PricingRule(id, RuleKind.Bundle, $"组合{k}", $"Bundle {k}", [product, products[(Array.IndexOf(products, product) + 1) % 20]])
                {
                    PriceFen = 3000,
                },
                6 => new PricingRule(id, RuleKind.FreeDelivery, $"包邮{k}", $"Free delivery {k}") { MinSpendFen = 3000 + random.Next(10000), StackingGroup = "delivery" },
                7 => new PricingRule(id, RuleKind.Gift, $"满赠{k}", $"Gift {k}") { MinSpendFen = 8000, GiftProductId = product, GiftQuantity = 1, StackingGroup = "gift" },
                8 => new PricingRule(id, RuleKind.SpendSave, $"品类满减{k}", $"Category spend and save {k}", categories: [category])
                {
                    Tiers = [new(3000, 300), new(6000, 800)], StackingGroup = "category", RemainingBudgetFen = 100_000,
                },
                _ => new PricingRule(id, RuleKind.FixedOff, $"立减{k}", $"Instant {k}") { AmountFen = 200 + random.Next(500), SegmentIds = Member.SegmentIds, StackingGroup = "member" },
            });
        }

        var coupons = new PricingRule[]
        {
            Coupon(0, RuleKind.FixedOff, "满50减10", r => r with { MinSpendFen = 5000, AmountFen = 1000 }),
            Coupon(1, RuleKind.FixedOff, "无门槛5元", r => r with { AmountFen = 500 }),
            Coupon(2, RuleKind.PercentOff, "9折券", r => r with { Percent = 10, CapFen = 3000 }),
            Coupon(3, RuleKind.SpendSave, "满200减40", r => r with { Tiers = [new(20000, 4000)] }),
            Coupon(4, RuleKind.FreeDelivery, "免运费券", r => r with { StackingGroup = "delivery_coupon" }),
        };
        return (lines, [.. promotions], coupons);
    }

    private static PricingRule Coupon(int k, RuleKind kind, string name, Func<PricingRule, PricingRule> terms) =>
        terms(new PricingRule(new Guid($"00000000-0000-0000-0003-{k:D12}"), kind, name, name)
        {
            CouponId = new Guid($"00000000-0000-0000-0004-{k:D12}"), StackingGroup = "coupon",
        });
}
