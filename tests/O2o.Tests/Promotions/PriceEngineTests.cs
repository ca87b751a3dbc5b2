using O2o.Bench;
using O2o.Server.Modules.Promotions.Pricing;

namespace O2o.Tests.Promotions;

/// <summary>The pricing engine on its own: each rule, combinations, exclusions, the best choice and rounding, fen for fen.</summary>
public sealed class PriceEngineTests
{
    private static readonly Guid Store = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Guid Milk = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Bread = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Eggs = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    private static Guid P(int n) => Guid.Parse($"00000000-0000-0000-0000-1000000000{n:D2}");
    private static Guid C(int n) => Guid.Parse($"00000000-0000-0000-0000-2000000000{n:D2}");

    private static PricingRule Rule(int id, RuleKind kind, Guid[]? products = null, string[]? categories = null) =>
        new(P(id), kind, $"促销{id}", $"Promotion {id}", products, categories) { StackingGroup = PricingRule.DefaultGroup(kind, false) };

    private static PricingRule Coupon(int id, RuleKind kind, Guid[]? products = null) =>
        new(P(50 + id), kind, $"券{id}", $"Coupon {id}", products) { CouponId = C(id), StackingGroup = PricingRule.DefaultGroup(kind, true) };

    private static PricingResult Price(PricingLine[] lines, PricingRule[] rules, long deliveryFee = 0, PricingCustomer? customer = null,
        SalesChannels channel = SalesChannels.Online) =>
        PriceEngine.Price(new PricingInput(lines, channel, Store, customer ?? PricingCustomer.Anonymous, Now, deliveryFee,
            [.. rules.Where(r => !r.IsCoupon)], [.. rules.Where(r => r.IsCoupon)]));

    private static PricingLine Line(Guid product, long unit, int qty, string? category = "dairy", bool flash = false) => new(product, category, unit, qty, flash);

    private sealed record Case(string Name, PricingLine[] Lines, PricingRule[] Rules, long DeliveryFee, long ExpectedTotal, long ExpectedDiscount, string[] ExpectedApplied);

    /// <summary>The table is keyed by its cases' names: the engine's types are internal, so the theory takes the name.</summary>
    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    private static readonly Case[] Cases =
    [
        new Case("nothing applies: pays the subtotal", [Line(Milk, 1390, 2)], [], 500, 2780 + 500, 0, []),
        new Case("满减 reaches the second tier", [Line(Milk, 6000, 2)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 2000), new(20000, 5000)] }], 0, 10000, 2000, ["促销1"]),
        new Case("满减 below the first tier takes nothing", [Line(Milk, 4000, 2)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 2000)] }], 0, 8000, 0, []),
        new Case("percentage rounds down to the fen", [Line(Milk, 999, 1)],
            [Rule(1, RuleKind.PercentOff) with { Percent = 15 }], 0, 999 - 149, 149, ["促销1"]),
        new Case("percentage stops at its cap", [Line(Milk, 100000, 1)],
            [Rule(1, RuleKind.PercentOff) with { Percent = 20, CapFen = 3000 }], 0, 97000, 3000, ["促销1"]),
        new Case("第二件半价 on three units: one half price", [Line(Milk, 1001, 3)],
            [Rule(1, RuleKind.NthItem, [Milk]) with { NthUnit = 2, Percent = 50 }], 0, 3003 - 500, 500, ["促销1"]),
        new Case("member price: not for a customer who is no member", [Line(Milk, 1390, 2)],
            [Rule(1, RuleKind.MemberPrice, [Milk]) with { PriceFen = 1190, MinMemberTier = 1 }], 0, 2780, 0, []),
        new Case("bundle of milk and bread", [Line(Milk, 1000, 2, "dairy"), Line(Bread, 600, 1, "bakery")],
            [Rule(1, RuleKind.Bundle, [Milk, Bread]) with { PriceFen = 1300 }], 0, 2600 - 300, 300, ["促销1"]),
        new Case("free delivery from a minimum spend", [Line(Milk, 3000, 1)],
            [Rule(1, RuleKind.FreeDelivery) with { MinSpendFen = 2900 }], 600, 3000, 600, ["促销1"]),
        new Case("a fixed coupon never takes the total below zero", [Line(Milk, 300, 1)],
            [Coupon(1, RuleKind.FixedOff) with { AmountFen = 1000 }], 0, 0, 300, ["券1"]),
        new Case("two coupons of one group: only the better one", [Line(Milk, 10000, 1)],
            [Coupon(1, RuleKind.FixedOff) with { AmountFen = 1000 }, Coupon(2, RuleKind.PercentOff) with { Percent = 15 }], 0, 8500, 1500, ["券2"]),
        new Case("满减 and a coupon stack: the coupon sees what 满减 left", [Line(Milk, 10000, 1)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 2000)] }, Coupon(1, RuleKind.PercentOff) with { Percent = 10 }], 0, 7200, 2800, ["促销1", "券1"]),
        new Case("an exclusive promotion wins only when it saves more", [Line(Milk, 10000, 1)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 1000)] }, Rule(2, RuleKind.PercentOff) with { Percent = 30, Exclusive = true, StackingGroup = "x" },
             Coupon(1, RuleKind.FixedOff) with { AmountFen = 1000 }], 0, 7000, 3000, ["促销2"]),
        new Case("an exclusive promotion loses to a better stack", [Line(Milk, 10000, 1)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 2000)] }, Rule(2, RuleKind.PercentOff) with { Percent = 25, Exclusive = true, StackingGroup = "x" },
             Coupon(1, RuleKind.FixedOff) with { AmountFen = 1000 }], 0, 7000, 3000, ["促销1", "券1"]),
        new Case("a flash-priced line takes no discount and counts toward no threshold", [Line(Milk, 590, 2, flash: true), Line(Bread, 6000, 1, "bakery")],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(6000, 500), new(7000, 1500)] }], 0, 1180 + 5500, 500, ["促销1"]),
        new Case("category scope: only bakery lines", [Line(Milk, 5000, 1, "dairy"), Line(Bread, 5000, 1, "bakery")],
            [Rule(1, RuleKind.PercentOff, categories: ["bakery"]) with { Percent = 10 }], 0, 9500, 500, ["促销1"]),
        new Case("the best of two 满减 in one group", [Line(Milk, 20000, 1)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 1500)] }, Rule(2, RuleKind.SpendSave) with { Tiers = [new(20000, 2500)] }], 0, 17500, 2500, ["促销2"]),
        new Case("a tie goes to the lower id", [Line(Milk, 20000, 1)],
            [Rule(2, RuleKind.SpendSave) with { Tiers = [new(10000, 1500)] }, Rule(1, RuleKind.SpendSave) with { Tiers = [new(20000, 1500)] }], 0, 18500, 1500, ["促销1"]),
        new Case("a budget caps the discount", [Line(Milk, 20000, 1)],
            [Rule(1, RuleKind.SpendSave) with { Tiers = [new(10000, 3000)], RemainingBudgetFen = 1200 }], 0, 18800, 1200, ["促销1"]),
        new Case("item price first, then 满减 on what is left", [Line(Milk, 6000, 2)],
            [Rule(1, RuleKind.NthItem, [Milk]) with { NthUnit = 2, Percent = 50 }, Rule(2, RuleKind.SpendSave) with { Tiers = [new(9000, 1000), new(12000, 3000)] }],
            0, 12000 - 3000 - 1000, 4000, ["促销1", "促销2"]),
    ];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Prices_each_case_exactly(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var result = Price(c.Lines, c.Rules, c.DeliveryFee);
        Assert.Equal(c.ExpectedTotal, result.TotalFen);
        Assert.Equal(c.ExpectedDiscount, result.DiscountFen);
        Assert.Equal(c.ExpectedApplied, result.Applied.Select(a => a.NameZh).ToArray());
        Assert.True(result.TotalFen >= 0);
        Assert.All(result.Lines, l => Assert.InRange(l.TotalFen, 0, l.SubtotalFen));
        Assert.Equal(result.Applied.Sum(a => a.AmountFen), result.DiscountFen);
    }

    [Fact]
    public void Member_price_applies_to_members_of_the_tier_only()
    {
        var rule = Rule(1, RuleKind.MemberPrice, [Milk]) with { PriceFen = 1190, MinMemberTier = 1 };
        Assert.Equal(2380, Price([Line(Milk, 1390, 2)], [rule], customer: new PricingCustomer("c", [], 1)).TotalFen);
        Assert.Equal(2780, Price([Line(Milk, 1390, 2)], [rule], customer: new PricingCustomer("c", [], 0)).TotalFen);
    }

    [Fact]
    public void Segments_channels_stores_and_windows_scope_a_rule()
    {
        var segment = Guid.NewGuid();
        var lines = new[] { Line(Milk, 10000, 1) };
        var forSegment = Rule(1, RuleKind.FixedOff) with { AmountFen = 1000, SegmentIds = [segment] };
        Assert.Equal(9000, Price(lines, [forSegment], customer: new PricingCustomer("c", [segment], 0)).TotalFen);
        Assert.Equal(10000, Price(lines, [forSegment]).TotalFen);
        var counterOnly = Rule(1, RuleKind.FixedOff) with { AmountFen = 1000, Channels = SalesChannels.Counter };
        Assert.Equal(10000, Price(lines, [counterOnly]).TotalFen);
        Assert.Equal(9000, Price(lines, [counterOnly], channel: SalesChannels.Counter).TotalFen);
        Assert.Equal(10000, Price(lines, [Rule(1, RuleKind.FixedOff) with { AmountFen = 1000, StoreIds = [Guid.NewGuid()] }]).TotalFen);
        Assert.Equal(10000, Price(lines, [Rule(1, RuleKind.FixedOff) with { AmountFen = 1000, EndsAt = Now }]).TotalFen);
        Assert.Equal(10000, Price(lines, [Rule(1, RuleKind.FixedOff) with { AmountFen = 1000, StartsAt = Now.AddSeconds(1) }]).TotalFen);
    }

    [Fact]
    public void An_order_discount_is_split_over_lines_by_largest_remainder_and_sums_exactly()
    {
        var result = Price([Line(Milk, 333, 1), Line(Bread, 333, 1, "bakery"), Line(Eggs, 334, 1, "eggs")],
            [Rule(1, RuleKind.FixedOff) with { AmountFen = 100 }]);
        Assert.Equal(new long[] { 33, 33, 34 }, result.Lines.Select(l => l.DiscountFen).ToArray());
        Assert.Equal(900, result.TotalFen);
    }

    [Fact]
    public void Gifts_come_with_their_threshold_and_cost_nothing()
    {
        var gift = Rule(1, RuleKind.Gift) with { MinSpendFen = 5000, GiftProductId = Eggs, GiftQuantity = 1 };
        var reached = Price([Line(Milk, 5000, 1)], [gift]);
        Assert.Equal(Eggs, Assert.Single(reached.Gifts).ProductId);
        Assert.Equal(5000, reached.TotalFen);
        Assert.Empty(Price([Line(Milk, 4999, 1)], [gift]).Gifts);
    }

    [Fact]
    public void A_coupon_is_not_spent_when_it_saves_nothing()
    {
        var result = Price([Line(Milk, 1000, 1)],
            [Rule(1, RuleKind.FreeDelivery), Coupon(1, RuleKind.FreeDelivery)], deliveryFee: 500);
        Assert.Equal(["促销1"], result.Applied.Select(a => a.NameZh).ToArray());
        Assert.Empty(result.ChosenCouponIds);
    }

    [Fact]
    public void Fifty_promotions_and_five_coupons_price_the_same_way_every_time()
    {
        var (lines, promotions, coupons) = PricingScenario.Build(seed: 7);
        var first = PriceEngine.Price(new PricingInput(lines, SalesChannels.Online, PricingScenario.Store, PricingScenario.Member, PricingScenario.At, 800, promotions, coupons));
        var again = PriceEngine.Price(new PricingInput(lines, SalesChannels.Online, PricingScenario.Store, PricingScenario.Member, PricingScenario.At, 800, promotions, coupons));
        Assert.Equal(first.TotalFen, again.TotalFen);
        Assert.Equal(first.Applied, again.Applied);
        Assert.True(first.DiscountFen > 0);
        Assert.True(first.TotalFen >= 0);
        Assert.Equal(first.SubtotalFen + 800 - first.DiscountFen, first.TotalFen);
    }
}
