using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>A campaign through the API: launch splits treatment and control, only the treatment gets messages and coupons, and the report adds up.</summary>
public abstract class CampaignTests(AppFixture fixture)
{
    private const int Customers = 24;
    private readonly World _world = new(fixture);
    private EngagementWorld People => new(_world);

    private static object Campaign(string segmentId, string? couponId, int? controlPercent = 25, int? attributionDays = 7, string scene = "holiday",
        string? sceneParameter = "双十一") => new
    {
        name = "回归礼", nameEn = "Win-back", segmentId, scene, sceneParameter, channels = new[] { "inbox", "sms", "wechat_template" }, couponPromotionId = couponId,
        controlPercent, attributionDays, titleZh = "好久不见", titleEn = "We miss you", bodyZh = "送您一张5元券，7天内有效。", bodyEn = "A ¥5 coupon for you, valid 7 days.",
    };

    [Fact]
    public async Task Launch_treats_a_random_share_holds_out_the_control_group_and_the_report_adds_up()
    {
        var (store, product) = await _world.StockedStore(onHand: 100, priceFen: 2000);
        var admin = await _world.Admin();
        var city = EngagementWorld.NewCity();
        var customers = new List<Customer>();
        for (var i = 0; i < Customers; i++)
            customers.Add(await People.Customer(city, i % 2 == 0 ? "female" : "male", "1990-01-01", i % 3 == 0 ? null : $"139{i:D8}"));
        await People.AwaitPreview(new { cities = new[] { city } }, Customers);
        var segment = (await People.Segment("活动人群", new { cities = new[] { city } })).Is(HttpStatusCode.Created).Str("id");
        var coupon = (await admin.Post("/api/admin/coupons", new
        {
            kind = "fixed_off", name = "回归5元券", amountFen = 500, minSpendFen = 1000, storeIds = new[] { store },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddDays(7),
        })).Is(HttpStatusCode.Created).Str("id");

        var campaign = (await admin.Post("/api/admin/campaigns", Campaign(segment, coupon))).Is(HttpStatusCode.Created).Str("id");
        var launch = (await admin.Post($"/api/admin/campaigns/{campaign}/launch")).Is(HttpStatusCode.OK);
        var (treated, held) = ((int)launch.Long("treatmentSize"), (int)launch.Long("controlSize"));
        Assert.Equal(Customers, treated + held);
        Assert.InRange(held, 1, 14); // 25% of 24 is 6; a random split, so a wide band.
        Assert.Equal(treated, launch.Long("coupons"));
        (await admin.Post($"/api/admin/campaigns/{campaign}/launch")).Is(HttpStatusCode.Conflict, "campaign_already_launched");

        var treatment = new List<Customer>();
        foreach (var customer in customers)
        {
            var inbox = (await customer.Api.Get("/api/me/inbox")).Is(HttpStatusCode.OK);
            var wallet = (await customer.Api.Get("/api/me/coupons")).Is(HttpStatusCode.OK).Json!.AsArray();
            var messaged = inbox["items"].AsArray().Count(m => m!["kind"]!.GetValue<string>() == "campaign");
            Assert.True(messaged <= 1);
            Assert.Equal(messaged, wallet.Count(c => c!["promotionId"]!.GetValue<string>() == coupon));
            if (messaged == 1)
            {
                treatment.Add(customer);
                Assert.Equal(1, inbox.Long("unreadCount"));
            }
        }
        Assert.Equal(treated, treatment.Count);

        // The SMS sink kept a signed text of at most 70 characters for each treated customer with a phone, and no more.
        var withPhone = treatment.Count(c => customers.IndexOf(c) % 3 != 0);
        var sms = (await admin.Get("/api/admin/engagement/outbound?channel=sms&pageSize=200")).Is(HttpStatusCode.OK).Json!.AsArray()
            .Where(m => treatment.Any(t => t.UserId == m!["customerId"]!.GetValue<string>())).ToList();
        Assert.Equal(withPhone, sms.Count);
        Assert.All(sms, m => Assert.StartsWith("【O2O】好久不见", m!["content"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(sms, m => Assert.Contains("****", m!["recipient"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(sms, m => Assert.True(m!["content"]!.GetValue<string>().Length <= 70));

        var wechat = (await admin.Get("/api/admin/engagement/outbound?channel=wechat_template&pageSize=200")).Is(HttpStatusCode.OK).Json!.AsArray()
            .Where(m => treatment.Any(t => t.UserId == m!["customerId"]!.GetValue<string>())).ToList();
        Assert.Equal(treated, wechat.Count);
        Assert.All(wechat, m => Assert.Equal("dev-campaign-notice", m!["templateId"]!.GetValue<string>()));
        Assert.All(wechat, m => Assert.Contains("\"first\":{\"value\":\"好久不见\"}", m!["content"]!.GetValue<string>(), StringComparison.Ordinal));

        // One treated customer buys with the coupon; another customer cannot read their message.
        var buyer = treatment[0];
        var couponId = (await buyer.Api.Get("/api/me/coupons")).Json!.AsArray().Single(c => c!["promotionId"]!.GetValue<string>() == coupon)!["id"]!.GetValue<string>();
        await EngagementWorld.PaidOrder(buyer, store, product, [couponId]);
        var messageId = (await buyer.Api.Get("/api/me/inbox")).Json!["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var stranger = customers.First(c => c != buyer);
        (await stranger.Api.Post($"/api/me/inbox/{messageId}/read")).Is(HttpStatusCode.NotFound, "inbox_message_not_found");
        (await buyer.Api.Post($"/api/me/inbox/{messageId}/read")).Is(HttpStatusCode.NoContent);
        Assert.Equal(0, (await buyer.Api.Get("/api/me/inbox")).Long("unreadCount"));

        var report = await World.Eventually(() => admin.Get($"/api/admin/campaigns/{campaign}/report"),
            r => r.Json?["treatment"]?["converted"]?.GetValue<int>() == 1);
        report.Is(HttpStatusCode.OK);
        Assert.Equal((Customers, treated), ((int)report.Long("targeted"), (int)report.Long("reached")));
        var (t, c) = (report["treatment"], report["control"]);
        Assert.Equal((treated, 1, 1500L), (t["customers"]!.GetValue<int>(), t["converted"]!.GetValue<int>(), t["gmvFen"]!.GetValue<long>()));
        Assert.Equal((held, 0, 0L), (c["customers"]!.GetValue<int>(), c["converted"]!.GetValue<int>(), c["gmvFen"]!.GetValue<long>()));
        Assert.Equal(500, report.Long("discountCostFen"));
        var channels = report["channels"].AsArray();
        Assert.Equal(treated, channels.Single(x => x!["channel"]!.GetValue<string>() == "inbox")!["sent"]!.GetValue<int>());
        Assert.Equal((withPhone, treated - withPhone), (channels.Single(x => x!["channel"]!.GetValue<string>() == "sms")!["sent"]!.GetValue<int>(),
            channels.Single(x => x!["channel"]!.GetValue<string>() == "sms")!["skipped"]!.GetValue<int>()));
        if (held >= 2)
        {
            // GMV per treated customer 1500/treated against 0: the incremental GMV is that times the treatment size, i.e. the 1500 fen spent.
            var incremental = report["incrementalGmv"];
            Assert.InRange(incremental["valueFen"]!.GetValue<long>(), 1499, 1501);
            Assert.True(incremental["lowFen"]!.GetValue<long>() <= 1500 && 1500 <= incremental["highFen"]!.GetValue<long>());
            Assert.Equal(Math.Round((incremental["valueFen"]!.GetValue<long>() - 500) / 500.0, 2), report["roi"]!.GetValue<double>(), 2);
        }
    }

    [Fact]
    public async Task Bad_campaigns_and_empty_segments_are_refused_with_a_stable_code_and_nothing_is_sent()
    {
        var admin = await _world.Admin();
        var before = (await admin.Get("/api/admin/campaigns")).Is(HttpStatusCode.OK).Json!.AsArray().Count;
        var empty = (await People.Segment("无人", new { cities = new[] { EngagementWorld.NewCity() } })).Is(HttpStatusCode.Created);
        Assert.Equal(0, empty.Long("size"));
        var segment = empty.Str("id");

        (await admin.Post("/api/admin/campaigns", Campaign(Guid.NewGuid().ToString(), null))).Is(HttpStatusCode.NotFound, "segment_not_found");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, null, controlPercent: 60))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, null, attributionDays: 0))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, null, attributionDays: 61))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, null, scene: "eclipse"))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, null, scene: "time_of_day", sceneParameter: "10-7"))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, Guid.NewGuid().ToString()))).Is(HttpStatusCode.NotFound, "promotion_not_found");
        Assert.Equal(before, (await admin.Get("/api/admin/campaigns")).Json!.AsArray().Count);

        var campaign = (await admin.Post("/api/admin/campaigns", Campaign(segment, null, scene: "time_of_day", sceneParameter: "7-10")))
            .Is(HttpStatusCode.Created).Str("id");
        (await admin.Post($"/api/admin/campaigns/{campaign}/launch")).Is(HttpStatusCode.UnprocessableEntity, "campaign_segment_empty");
        Assert.Equal("draft", (await admin.Get($"/api/admin/campaigns/{campaign}")).Is(HttpStatusCode.OK).Str("status"));
        (await admin.Post($"/api/admin/campaigns/{Guid.NewGuid()}/launch")).Is(HttpStatusCode.NotFound, "campaign_not_found");
        (await admin.Delete($"/api/admin/segments/{segment}")).Is(HttpStatusCode.Conflict, "segment_in_use");

        var customer = await People.Customer(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Post($"/api/admin/campaigns/{campaign}/launch")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Get("/api/admin/engagement/outbound")).Status);
    }

    [Fact]
    public async Task A_tier_change_reaches_the_inbox_once_and_moves_the_customer_between_tier_segments()
    {
        var customer = await People.Customer(EngagementWorld.NewCity());
        var gold = (await People.Segment("金卡及以上", new { tiers = new[] { 3, 4 } })).Is(HttpStatusCode.Created).Str("id");
        var before = await People.SegmentSize(gold);
        var at = DateTimeOffset.UtcNow;
        // The event as Loyalty raises it, published twice: delivery is at least once, the message is written once.
        await EngagementEvents.PublishAsync(_world.App, new O2o.Server.Modules.Loyalty.MemberTierChanged(customer.UserId, 1, 3, 500_000, at, "金卡会员", "Gold"));
        await EngagementEvents.PublishAsync(_world.App, new O2o.Server.Modules.Loyalty.MemberTierChanged(customer.UserId, 1, 3, 500_000, at, "金卡会员", "Gold"));

        var inbox = await World.Eventually(() => customer.Api.Get("/api/me/inbox"), r => r.Json?["total"]?.GetValue<int>() >= 1);
        await Task.Delay(500);
        inbox = (await customer.Api.Get("/api/me/inbox")).Is(HttpStatusCode.OK);
        Assert.Equal(1, inbox.Long("total"));
        Assert.Equal("您已升级为金卡会员", inbox["items"].AsArray().Single()!["title"]!.GetValue<string>());
        var english = await customer.Api.Send(HttpMethod.Get, "/api/me/inbox", null, headers: new Dictionary<string, string> { ["Accept-Language"] = "en" });
        Assert.Equal("Welcome to Gold", english.Json!["items"]!.AsArray().Single()!["title"]!.GetValue<string>());
        Assert.Equal(before + 1, await People.SegmentSize(gold));

        (await customer.Api.Post("/api/me/inbox/read-all")).Is(HttpStatusCode.NoContent);
        Assert.Equal(0, (await customer.Api.Get("/api/me/inbox")).Long("unreadCount"));
    }
}

public sealed class CampaignTests_Sqlite(SqliteApp app) : CampaignTests(app), IClassFixture<SqliteApp>;

public sealed class CampaignTests_Postgres(PostgresApp app) : CampaignTests(app), IClassFixture<PostgresApp>;
