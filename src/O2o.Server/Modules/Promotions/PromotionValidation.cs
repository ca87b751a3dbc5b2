using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>A promotion request checked field by field, then for terms that contradict each other. Nothing is looked up here.</summary>
internal static class PromotionValidation
{
    public const int MaxTiers = 10, MaxScopeIds = 500, MaxNthUnit = 10, MaxGiftQuantity = 100, MaxValidDays = 3650;

    public static Error? Check(PromotionRequest r, bool coupon, DateTimeOffset now)
    {
        var v = new Validation().Text("name", r.Name, 100).Text("nameEn", r.NameEn, 100, required: false)
            .Text("stackingGroup", r.StackingGroup, 32, required: false).Text("code", r.Code, 32, required: false);
        var kinds = coupon ? PromotionKinds.CouponKinds : [.. PromotionKinds.ByName.Keys];
        if (r.Kind is null || !kinds.Contains(r.Kind)) v.Add("kind", $"Must be one of {string.Join(", ", kinds.Order())}.");
        if (r.Channels is not null && (r.Channels.Length == 0 || r.Channels.Any(c => c is null || !PromotionKinds.Channels.ContainsKey(c))))
            v.Add("channels", "Leave it out for every channel, or give online and/or counter.");
        foreach (var (field, ids) in new[] { ("storeIds", r.StoreIds), ("productIds", r.ProductIds), ("segmentIds", r.SegmentIds), ("categories", r.Categories) })
            if (ids is { Length: > MaxScopeIds }) v.Add(field, $"At most {MaxScopeIds}.");
            else if (ids is not null && ids.Any(string.IsNullOrWhiteSpace)) v.Add(field, "Empty entries are not allowed.");
        if (r.SegmentIds is not null && r.SegmentIds.Any(s => !Guid.TryParse(s, out _))) v.Add("segmentIds", "Each must be an id.");
        if (r.StartsAt is null) v.Add("startsAt", "Required.");
        if (r.EndsAt is null) v.Add("endsAt", "Required.");
        else if (r.StartsAt is not null && r.EndsAt <= r.StartsAt) v.Add("endsAt", "Must be after startsAt.");
        else if (r.EndsAt <= now) v.Add("endsAt", "Must be in the future.");
        v.Range("minMemberTier", r.MinMemberTier, 0, 10, required: false)
            .Range("minSpendFen", r.MinSpendFen, 0, CatalogLimits.MaxPriceFen, required: false)
            .Range("capFen", r.CapFen, 1, CatalogLimits.MaxPriceFen, required: false)
            .Range("budgetFen", r.BudgetFen, 1, long.MaxValue / 4, required: false)
            .Range("budgetUses", r.BudgetUses, 1, int.MaxValue, required: false)
            .Range("perCustomerLimit", r.PerCustomerLimit, 1, Validation.MaxQuantity, required: false)
            .Range("validDays", r.ValidDays, 1, MaxValidDays, required: false);

        switch (r.Kind)
        {
            case "spend_save":
                if (r.Tiers is null || r.Tiers.Length == 0 || r.Tiers.Length > MaxTiers) v.Add("tiers", $"From 1 to {MaxTiers} tiers.");
                else
                {
                    for (var i = 0; i < r.Tiers.Length; i++)
                        v.Range($"tiers[{i}].thresholdFen", r.Tiers[i]?.ThresholdFen, 1, CatalogLimits.MaxPriceFen)
                            .Range($"tiers[{i}].amountFen", r.Tiers[i]?.AmountFen, 1, CatalogLimits.MaxPriceFen);
                    if (!v.Has("tiers") && r.Tiers.Zip(r.Tiers.Skip(1)).Any(p => p.Second?.ThresholdFen <= p.First?.ThresholdFen || p.Second?.AmountFen <= p.First?.AmountFen))
                        v.Add("tiers", "Thresholds and amounts must both increase from tier to tier.");
                }
                break;
            case "fixed_off":
                v.Range("amountFen", r.AmountFen, 1, CatalogLimits.MaxPriceFen);
                break;
            case "percent_off":
                v.Range("percent", r.Percent, 1, 99);
                break;
            case "nth_item":
                v.Range("nthUnit", r.NthUnit, 2, MaxNthUnit).Range("percent", r.Percent, 1, 100);
                break;
            case "bundle":
                v.Range("priceFen", r.PriceFen, 1, CatalogLimits.MaxPriceFen);
                if (r.ProductIds is not { Length: >= 2 and <= 10 }) v.Add("productIds", "A bundle has from 2 to 10 products.");
                break;
            case "member_price":
                v.Range("priceFen", r.PriceFen, 1, CatalogLimits.MaxPriceFen);
                if (r.ProductIds is not { Length: > 0 }) v.Add("productIds", "A member price needs its products.");
                break;
            case "gift":
                v.Text("giftProductId", r.GiftProductId, 64).Range("giftQuantity", r.GiftQuantity, 1, MaxGiftQuantity);
                break;
        }
        return v.Error ?? Contradictions(r, coupon);
    }

    private static Error? Contradictions(PromotionRequest r, bool coupon)
    {
        var unused = Unused(r);
        if (unused.Count > 0)
            return CouponErrors.Contradiction($"A {r.Kind} promotion has no use for {string.Join(", ", unused)}.",
                $"“{r.Kind}”类型的活动不使用这些字段：{string.Join("、", unused)}。");
        if (r.Kind == "spend_save" && r.Tiers!.Any(t => t!.AmountFen >= t.ThresholdFen))
            return CouponErrors.Contradiction("Each tier must save less than the spend that earns it.", "每一档的优惠金额都必须小于其门槛金额。");
        if (r.Kind == "fixed_off" && r.MinSpendFen > 0 && r.AmountFen >= r.MinSpendFen)
            return CouponErrors.Contradiction("The amount off must be less than the minimum spend.", "减免金额必须小于使用门槛。");
        if (r.Kind == "member_price" && r.MinMemberTier == 0)
            return CouponErrors.Contradiction("A member price for non-members (minMemberTier 0) is a plain price cut.", "会员价不能面向非会员（minMemberTier 为 0）。");
        if (r.Kind == "bundle" && r.ProductIds!.Distinct().Count() != r.ProductIds!.Length)
            return CouponErrors.Contradiction("A bundle names each product once.", "组合中的每个商品只能出现一次。");
        if (r.Kind == "bundle" && r.Categories is { Length: > 0 })
            return CouponErrors.Contradiction("A bundle is made of products, not categories.", "组合套餐只能指定商品，不能指定品类。");
        if (!coupon && (r.Code is not null || r.Claimable is not null || r.ValidDays is not null))
            return CouponErrors.Contradiction("code, claimable and validDays belong to coupons (POST /api/admin/coupons).", "兑换码、可领取、有效天数只适用于优惠券。");
        if (r.Exclusive == true && r.Kind is "gift")
            return CouponErrors.Contradiction("A gift cannot exclude every other promotion.", "赠品活动不能设为独享。");
        return null;
    }

    /// <summary>Terms given that the kind never reads: almost always a mistake about what the promotion does.</summary>
    private static List<string> Unused(PromotionRequest r)
    {
        var used = r.Kind switch
        {
            "spend_save" => new[] { "tiers" },
            "fixed_off" => ["minSpendFen", "amountFen"],
            "percent_off" => ["minSpendFen", "percent", "capFen"],
            "nth_item" => ["nthUnit", "percent"],
            "bundle" => ["priceFen"],
            "member_price" => ["priceFen"],
            "free_delivery" => ["minSpendFen", "capFen"],
            _ => ["minSpendFen", "giftProductId", "giftQuantity"],
        };
        var given = new (string Name, bool Given)[]
        {
            ("tiers", r.Tiers is { Length: > 0 }), ("minSpendFen", r.MinSpendFen is not null), ("amountFen", r.AmountFen is not null),
            ("percent", r.Percent is not null), ("capFen", r.CapFen is not null), ("nthUnit", r.NthUnit is not null), ("priceFen", r.PriceFen is not null),
            ("giftProductId", r.GiftProductId is not null), ("giftQuantity", r.GiftQuantity is not null),
        };
        return [.. given.Where(g => g.Given && !used.Contains(g.Name)).Select(g => g.Name)];
    }
}
