using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The demo chain's live promotions (满100减20/满200减50 everywhere, 第二件半价 on fresh milk, a member price on premium milk) and
/// coupons: a free-delivery coupon and a 满50减10 in the demo customer's wallet, the free-delivery coupon also to claim, and the code WELCOME10.
/// </summary>
public static class PromotionsDemo
{
    public const string WelcomeCode = "WELCOME10";

    public static async Task SeedAsync(O2oDb db, Guid merchantId, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var (from, until) = (now.AddMinutes(-1), now.AddDays(60));
        Promotion Define(string key, string kind, string nameZh, string nameEn, bool coupon, Action<Promotion> terms)
        {
            var p = new Promotion
            {
                Id = StableId.From($"demo:promotion:{key}"), MerchantId = merchantId, IsCoupon = coupon, Kind = kind, NameZh = nameZh, NameEn = nameEn,
                Channels = 3, StartsAt = from, EndsAt = until, CreatedAt = now,
                StackingGroup = Pricing.PricingRule.DefaultGroup(PromotionKinds.ByName[kind], coupon),
            };
            terms(p);
            db.Add(p);
            return p;
        }

        Define("spend-save", "spend_save", "满100减20，满200减50", "¥20 off ¥100, ¥50 off ¥200", false,
            p => p.Tiers = Promotion.TiersJson([(10000, 2000), (20000, 5000)]));
        Define("milk-second-half", "nth_item", "光明鲜牛奶第二件半价", "Bright fresh milk: second at half price", false, p =>
        {
            (p.ProductIds, p.NthUnit, p.Percent) = ([StableId.From("demo:product:DB-0001")], 2, 50);
            p.Channels = 1;
        });
        Define("member-youbei", "member_price", "优倍鲜牛奶会员价 ¥15.90", "Youbei fresh milk member price ¥15.90", false,
            p => (p.ProductIds, p.PriceFen, p.MinMemberTier) = ([StableId.From("demo:product:DB-0002")], 1590, 1));
        Define("gold-free-delivery", "free_delivery", "金卡及以上会员免配送费", "Free delivery for Gold members and above", false,
            p => (p.MinMemberTier, p.Channels) = (3, 1));
        Define("silver-member-yoghurt", "member_price", "银卡会员价：伊利纯牛奶整箱 ¥55.90", "Silver member price: Yili pure milk case ¥55.90", false,
            p => (p.ProductIds, p.PriceFen, p.MinMemberTier) = ([StableId.From("demo:product:DB-0004")], 5590, 2));
        foreach (var (tier, zh, en, off, min) in new[] { (2, "银卡升级礼：满100减15", "Silver welcome: ¥15 off ¥100", 1500L, 10000L),
                     (3, "金卡升级礼：满150减30", "Gold welcome: ¥30 off ¥150", 3000L, 15000L), (4, "钻石升级礼：满200减60", "Diamond welcome: ¥60 off ¥200", 6000L, 20000L) })
            Define($"tier-{tier}-welcome", "fixed_off", zh, en, true, p => (p.MinSpendFen, p.AmountFen, p.ValidDays, p.Channels) = (min, off, 30, 3));
        var delivery = Define("free-delivery", "free_delivery", "免运费券", "Free delivery coupon", true, p =>
        {
            (p.Claimable, p.ValidDays, p.Channels) = (true, 30, 1);
            p.PerCustomerLimit = 3;
        });
        var fifty = Define("fifty-minus-ten", "fixed_off", "满50减10元券", "¥10 off ¥50 coupon", true,
            p => (p.MinSpendFen, p.AmountFen, p.ValidDays) = (5000, 1000, 30));
        Define("welcome", "percent_off", "新客9折券（最高减10元）", "Welcome: 10% off, up to ¥10", true,
            p => (p.Percent, p.CapFen, p.Code, p.Channels) = (10, 1000, WelcomeCode, 1));

        foreach (var definition in new[] { delivery, fifty })
        {
            db.Add(new Coupon
            {
                Id = StableId.From($"demo:coupon:{definition.Id}"), PromotionId = definition.Id, CustomerId = customerId, Source = "issued",
                ValidFrom = from, ValidUntil = now.AddDays(30), IssuedAt = now,
            });
            db.Add(new PromotionCustomerUse { PromotionId = definition.Id, CustomerId = customerId, Uses = 1 });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The 满50减10 coupon of the demo's finished win-back campaign: running for the campaign's window from its launch, one coupon per
    /// treated customer, and the orders that used one (their ids are the demo's synthetic purchase ids). Returns the definition's id.
    /// </summary>
    public static async Task<Guid> SeedWinBackCouponsAsync(O2oDb db, Guid merchantId, DateTimeOffset launchedAt, int windowDays,
        IReadOnlyList<(string CustomerId, Guid? OrderId, DateTimeOffset? UsedAt)> coupons, CancellationToken ct)
    {
        const long Discount = 1000;
        var definition = new Promotion
        {
            Id = StableId.From("demo:promotion:win-back"), MerchantId = merchantId, IsCoupon = true, Kind = "fixed_off", NameZh = "回归礼满50减10元券",
            NameEn = "Win-back: ¥10 off ¥50", Channels = 3, StartsAt = launchedAt.AddMinutes(-5), EndsAt = launchedAt.AddDays(windowDays), CreatedAt = launchedAt.AddHours(-2),
            StackingGroup = Pricing.PricingRule.DefaultGroup(PromotionKinds.ByName["fixed_off"], true), MinSpendFen = 5000, AmountFen = Discount, ValidDays = windowDays,
        };
        db.Add(definition);
        foreach (var (customerId, orderId, usedAt) in coupons)
        {
            var coupon = new Coupon
            {
                Id = StableId.From($"demo:win-back-coupon:{customerId}"), PromotionId = definition.Id, CustomerId = customerId, Source = "issued",
                ValidFrom = launchedAt, ValidUntil = definition.EndsAt, IssuedAt = launchedAt,
                Status = orderId is null ? CouponStatus.Available : CouponStatus.Used, OrderId = orderId, UsedAt = usedAt,
            };
            db.Add(coupon);
            if (orderId is { } order)
                db.Add(new PromotionApplication
                {
                    OrderId = order, PromotionId = definition.Id, CouponId = coupon.Id, CustomerId = customerId, AmountFen = Discount, At = usedAt!.Value,
                });
        }
        await db.SaveChangesAsync(ct);
        return definition.Id;
    }
}
