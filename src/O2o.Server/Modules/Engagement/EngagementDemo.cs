using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// The demo's segments (沉睡客户, 高价值客户, 上海年轻女性, 金卡及以上) over a year of synthetic purchases by the demo shoppers, and the finished
/// campaign 双十一回归礼 launched four weeks ago on the lapsed customers with a 20% control group and a coupon, so its report shows an
/// uplift with its interval. The history is made up with a known effect (see <see cref="DemoShopperHistory"/>); nothing here is real.
/// </summary>
public static class EngagementDemo
{
    private const int WindowDays = 14, ControlPercent = 20;

    /// <summary><paramref name="seedCoupons"/> writes the campaign's coupon (launch, window, who got one and which order used it) and returns its definition id.</summary>
    public static async Task SeedAsync(O2oDb db, Guid merchantId, IReadOnlyList<CustomerProfile> shoppers, string demoCustomerId, IReadOnlyList<Guid> storeIds, DateTimeOffset now,
        Func<DateTimeOffset, int, IReadOnlyList<(string CustomerId, Guid? OrderId, DateTimeOffset? UsedAt)>, Task<Guid>> seedCoupons, CancellationToken ct)
    {
        var launchedAt = ChinaTime.StartOf(ChinaTime.Today(now).AddDays(-27)).AddHours(10).ToUniversalTime();
        var campaignId = StableId.From("demo:campaign:singles-day-win-back");
        var history = new DemoShopperHistory(new Random(1111), storeIds, now, launchedAt, WindowDays);
        var targets = new List<CampaignTarget>();
        foreach (var shopper in shoppers)
        {
            var control = Campaign.IsControl(campaignId, shopper.CustomerId, ControlPercent);
            if (history.Add(shopper.CustomerId, () => control))
                targets.Add(new CampaignTarget { CampaignId = campaignId, CustomerId = shopper.CustomerId, InControl = control });
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.AddRange(history.Purchases);
            db.AddRange(Features(shoppers, history.Purchases, now));
            var couponId = await seedCoupons(launchedAt, WindowDays, history.Coupons);
            db.Add(new Campaign
            {
                Id = campaignId, MerchantId = merchantId, NameZh = "双十一回归礼", NameEn = "Singles' Day win-back", SegmentId = DemoSegments.Lapsed, Scene = "holiday", SceneParameter = "双十一",
                Channels = [Channels.Inbox, Channels.Sms], CouponPromotionId = couponId, ControlPercent = ControlPercent, AttributionDays = WindowDays,
                TitleZh = "好久不见，送您10元券", TitleEn = "We miss you: ¥10 off", BodyZh = "双十一回归礼：满50减10元券已放入您的卡包，14天内有效。",
                BodyEn = "Singles' Day win-back: a ¥10 off ¥50 coupon is in your wallet, valid for 14 days.", Status = CampaignStatus.Launched,
                CreatedAt = launchedAt.AddHours(-2), LaunchedAt = launchedAt, Targeted = targets.Count, ControlSize = targets.Count(t => t.InControl),
            });
            // Waiting for its scene: reporting rain in 上海 (PUT /api/admin/engagement/weather/上海) sends it within the minute.
            db.Add(new Campaign
            {
                Id = StableId.From("demo:campaign:rainy-day-drink"), MerchantId = merchantId, NameZh = "雨天热饮", NameEn = "Rainy-day hot drink",
                SegmentId = DemoSegments.YoungWomenShanghai, Scene = "weather", SceneParameter = "rainy", Channels = [Channels.Inbox], ControlPercent = 20,
                AttributionDays = 3, TitleZh = "下雨了，来杯热饮", TitleEn = "It is raining: have a hot drink",
                BodyZh = "雨天到店自提，热饮等您来取。", BodyEn = "Pick up in store on a rainy day; a hot drink is waiting.",
                CreatedAt = now.AddMinutes(-30), AutoLaunch = true, LaunchFrom = now.AddMinutes(-30), LaunchUntil = now.AddDays(30),
            });
            db.AddRange(targets);
            var phones = shoppers.ToDictionary(s => s.CustomerId, s => s.Phone);
            foreach (var treated in targets.Where(t => !t.InControl))
            {
                Deliver(db, campaignId, treated.CustomerId, phones[treated.CustomerId], launchedAt);
                db.Add(new InboxEntry
                {
                    CustomerId = treated.CustomerId, Kind = "campaign", TitleZh = "好久不见，送您10元券", TitleEn = "We miss you: ¥10 off",
                    BodyZh = "双十一回归礼：满50减10元券已放入您的卡包，14天内有效。", BodyEn = "Singles' Day win-back: a ¥10 off ¥50 coupon is in your wallet, valid for 14 days.",
                    Link = "/me/coupons", DedupeKey = $"campaign:{campaignId:N}:{treated.CustomerId}:{Channels.Inbox}", CreatedAt = launchedAt,
                });
            }
            db.Add(new InboxEntry
            {
                CustomerId = demoCustomerId, Kind = "welcome", TitleZh = "欢迎来到鲜邻生活", TitleEn = "Welcome to FreshNeighbour",
                BodyZh = "附近门店一小时达，也可到店自提。卡包里有为您准备的优惠券。", BodyEn = "Delivery within the hour from stores near you, or pick up in store. There are coupons for you in your wallet.",
                Link = "/", CreatedAt = now.AddMinutes(-5),
            });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await DemoSegments.SeedAsync(db, now, ct);
    }

    private static void Deliver(O2oDb db, Guid campaignId, string customerId, string? phone, DateTimeOffset at)
    {
        db.Add(new CampaignDelivery { CampaignId = campaignId, CustomerId = customerId, Channel = Channels.Inbox, Sent = true, At = at });
        db.Add(new CampaignDelivery { CampaignId = campaignId, CustomerId = customerId, Channel = Channels.Sms, Sent = phone is not null, At = at });
        if (phone is not null)
            db.Add(new OutboundMessage
            {
                Channel = Channels.Sms, CustomerId = customerId, Recipient = phone, Content = SmsChannel.Render("O2O", "好久不见，送您10元券", "双十一回归礼：满50减10元券已放入您的卡包，14天内有效。"),
                DedupeKey = $"campaign:{campaignId:N}:{customerId}:{Channels.Sms}", CreatedAt = at,
            });
    }

    /// <summary>
    /// Features as the event handlers would have kept them. Tiers come from the synthetic 365-day spend (Loyalty's own rule will replace
    /// them through its MemberTierChanged events).
    /// </summary>
    private static IEnumerable<CustomerFeatures> Features(IReadOnlyList<CustomerProfile> shoppers, List<Purchase> purchases, DateTimeOffset now)
    {
        var byCustomer = purchases.ToLookup(p => p.CustomerId);
        foreach (var shopper in shoppers)
        {
            var features = new CustomerFeatures { CustomerId = shopper.CustomerId, BirthDate = shopper.BirthDate, Gender = shopper.Gender, City = shopper.City };
            CustomerFeaturesUpdater.Recompute(features, [.. byCustomer[shopper.CustomerId].Select(p => new PurchaseFact(p.StoreId, p.AmountFen, p.PaidAt))], now);
            // The default tiers of Loyalty (¥1,000 silver, ¥5,000 gold, ¥20,000 diamond over 12 months).
            features.Tier = features.Spend365Fen switch { >= 2_000_000 => 4, >= 500_000 => 3, >= 100_000 => 2, _ => 1 };
            yield return features;
        }
    }
}
