using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Engagement;
using O2o.Tests.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>The demo world's segments and its finished win-back campaign, whose report shows a positive uplift with its interval.</summary>
public abstract class EngagementDemoTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task The_demo_has_segments_with_members_and_a_finished_campaign_with_a_positive_uplift()
    {
        var merchant = await _world.Login("merchant@o2o.demo", "Demo123!");
        var segments = (await merchant.Get("/api/admin/segments")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["沉睡客户", "高价值客户", "上海年轻女性", "金卡及以上"], segments.Select(s => s!["nameZh"]!.GetValue<string>()));
        // Gold and above is the few who spent ¥5,000 in a year (Loyalty's thresholds); the other segments are broad.
        Assert.All(segments, s => Assert.True(s!["size"]!.GetValue<int>() > (s["nameZh"]!.GetValue<string>() == "金卡及以上" ? 20 : 50), $"{s["nameZh"]} has {s["size"]} members"));
        (await merchant.Get($"/api/admin/segments/{segments[0]!["id"]}/members")).Is(HttpStatusCode.Forbidden);

        var campaigns = (await merchant.Get("/api/admin/campaigns")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(2, campaigns.Count);
        var campaign = campaigns.Single(c => c!["nameZh"]!.GetValue<string>() == "双十一回归礼")!;
        Assert.Equal(("双十一回归礼", "launched", 20), (campaign["nameZh"]!.GetValue<string>(), campaign["status"]!.GetValue<string>(), campaign["controlPercent"]!.GetValue<int>()));
        var report = (await merchant.Get($"/api/admin/campaigns/{campaign["id"]}/report")).Is(HttpStatusCode.OK);
        Assert.True(report["windowClosed"]!.GetValue<bool>());
        var incremental = report["incrementalGmv"];
        Assert.True(incremental["lowFen"]!.GetValue<long>() > 0, report.Text);
        Assert.True(report["conversionUplift"]!["low"]!.GetValue<double>() > 0, report.Text);
        Assert.True(report.Long("discountCostFen") > 0);
        Assert.True(report["roi"]!.GetValue<double>() > 0);
        Assert.Equal(report["treatment"]!["customers"]!.GetValue<int>(), report["reached"]!.GetValue<int>());

        var customer = await _world.Login("customer@o2o.demo", "Demo123!");
        // The welcome message, and the message of the tier the demo history gave (钻石).
        var inbox = await World.Eventually(() => customer.Get("/api/me/inbox"), r => r.Long("unreadCount") == 2);
        Assert.Equal(["tier", "welcome"], inbox["items"].AsArray().Select(m => m!["kind"]!.GetValue<string>()).ToArray());
        Assert.Equal("上海", (await customer.Get("/api/me")).Is(HttpStatusCode.OK).Str("city"));

        // The rainy-day campaign waits for its scene; rain reported in 上海 sends it to the segment's members there.
        var rainy = campaigns.Single(c => c!["nameZh"]!.GetValue<string>() == "雨天热饮")!;
        Assert.Equal(("draft", true, "weather", "rainy"), (rainy["status"]!.GetValue<string>(), rainy["autoLaunch"]!.GetValue<bool>(),
            rainy["scene"]!.GetValue<string>(), rainy["sceneParameter"]!.GetValue<string>()));
        var segmentSize = segments.Single(s => s!["id"]!.GetValue<string>() == rainy["segmentId"]!.GetValue<string>())!["size"]!.GetValue<int>();
        (await (await _world.Admin()).Put("/api/admin/engagement/weather/上海", new { condition = "rainy" })).Is(HttpStatusCode.OK);
        using (var scope = fixture.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CampaignScheduler>().RunAsync(DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var sent = (await merchant.Get($"/api/admin/campaigns/{rainy["id"]}")).Is(HttpStatusCode.OK);
        Assert.Equal(("launched", segmentSize), (sent.Str("status"), (int)sent.Long("targeted")));
    }
}

public sealed class EngagementDemoTests_Sqlite(DemoSqliteApp app) : EngagementDemoTests(app), IClassFixture<DemoSqliteApp>;

public sealed class EngagementDemoTests_Postgres(DemoPostgresApp app) : EngagementDemoTests(app), IClassFixture<DemoPostgresApp>;
