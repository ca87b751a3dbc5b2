using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Kernel;
using O2o.Server.Modules.Engagement;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>
/// Automatic campaigns: the scheduler (run here at chosen instants, as each node's job runs it every minute) launches a campaign when
/// its scene holds in its window, once, and lapses it when the window passes without the scene.
/// </summary>
public abstract class CampaignSceneTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);
    private EngagementWorld People => new(_world);

    private static object Campaign(string segmentId, string scene, string sceneParameter, DateTimeOffset? launchFrom, DateTimeOffset? launchUntil,
        bool? autoLaunch = true) => new
    {
        name = "场景活动", nameEn = "Scene campaign", segmentId, scene, sceneParameter, channels = new[] { "inbox" }, controlPercent = 0,
        titleZh = "下雨天送您热饮", titleEn = "A hot drink for a rainy day", bodyZh = "雨天到店喝杯热饮。", bodyEn = "Come in from the rain for a hot drink.",
        autoLaunch, launchFrom, launchUntil,
    };

    private async Task<(int Launched, int Lapsed)> RunSchedulerAt(DateTimeOffset instant)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignScheduler>().RunAsync(instant, TestContext.Current.CancellationToken);
    }

    private async Task<(string Segment, List<Customer> Customers)> SegmentOf(int count, string city)
    {
        var customers = new List<Customer>();
        for (var i = 0; i < count; i++) customers.Add(await People.Customer(city));
        await People.AwaitPreview(new { cities = new[] { city } }, count);
        return ((await People.Segment("场景人群", new { cities = new[] { city } })).Is(HttpStatusCode.Created).Str("id"), customers);
    }

    private static async Task<int> CampaignMessages(Customer customer) =>
        (await customer.Api.Get("/api/me/inbox")).Is(HttpStatusCode.OK)["items"].AsArray().Count(m => m!["kind"]!.GetValue<string>() == "campaign");

    [Fact]
    public async Task An_hour_range_campaign_launches_itself_in_its_hours_once_and_a_missed_window_lapses()
    {
        var (segment, customers) = await SegmentOf(3, EngagementWorld.NewCity());
        var admin = await _world.Admin();
        // An hour range two hours ahead on the Beijing clock, so the nodes' own job (on the real clock) does not launch it meanwhile.
        var now = DateTimeOffset.UtcNow;
        var from = (ChinaTime.ToLocal(now).Hour + 2) % 24;
        var start = ChinaTime.StartOf(ChinaTime.Today(now)).AddHours(from);
        if (start <= now) start = start.AddDays(1);
        var campaign = (await admin.Post("/api/admin/campaigns", Campaign(segment, "time_of_day", $"{from}-{from + 1}", now.AddMinutes(-1), now.AddDays(2))))
            .Is(HttpStatusCode.Created);
        Assert.True(campaign["autoLaunch"].GetValue<bool>());
        var id = campaign.Str("id");

        await RunSchedulerAt(start.AddMinutes(-30));
        Assert.Equal("draft", (await admin.Get($"/api/admin/campaigns/{id}")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal(0, await CampaignMessages(customers[0]));

        await RunSchedulerAt(start.AddMinutes(5));
        var launched = (await admin.Get($"/api/admin/campaigns/{id}")).Is(HttpStatusCode.OK);
        Assert.Equal("launched", launched.Str("status"));
        Assert.Equal(3, launched.Long("targeted"));
        foreach (var customer in customers) Assert.Equal(1, await CampaignMessages(customer));
        await RunSchedulerAt(start.AddMinutes(10)); // the scene still holds: sent once all the same
        foreach (var customer in customers) Assert.Equal(1, await CampaignMessages(customer));

        // A holiday campaign whose window (tomorrow, one hour) passes before the scheduler ever sees it: lapsed, and never sent after.
        var missed = (await admin.Post("/api/admin/campaigns", Campaign(segment, "holiday", "元宵节", now.AddDays(1), now.AddDays(1).AddHours(1))))
            .Is(HttpStatusCode.Created).Str("id");
        Assert.True((await RunSchedulerAt(now.AddDays(1).AddHours(2))).Lapsed >= 1);
        Assert.Equal("lapsed", (await admin.Get($"/api/admin/campaigns/{missed}")).Str("status"));
        (await admin.Post($"/api/admin/campaigns/{missed}/launch")).Is(HttpStatusCode.Conflict, "campaign_lapsed");
        foreach (var customer in customers) Assert.Equal(1, await CampaignMessages(customer));
    }

    [Fact]
    public async Task A_weather_campaign_launches_when_a_city_reports_it_and_reaches_only_that_city()
    {
        var (rainy, dry) = (EngagementWorld.NewCity(), EngagementWorld.NewCity());
        var inRain = new List<Customer>();
        for (var i = 0; i < 2; i++) inRain.Add(await People.Customer(rainy));
        var inDry = new List<Customer>();
        for (var i = 0; i < 2; i++) inDry.Add(await People.Customer(dry));
        var rule = new { cities = new[] { rainy, dry } };
        await People.AwaitPreview(rule, 4);
        var segment = (await People.Segment("两城", rule)).Is(HttpStatusCode.Created).Str("id");
        var admin = await _world.Admin();
        var now = DateTimeOffset.UtcNow;
        var id = (await admin.Post("/api/admin/campaigns", Campaign(segment, "weather", "rainy", null, now.AddDays(1)))).Is(HttpStatusCode.Created).Str("id");

        (await admin.Put($"/api/admin/engagement/weather/{dry}", new { condition = "cloudy" })).Is(HttpStatusCode.OK);
        await RunSchedulerAt(DateTimeOffset.UtcNow);
        Assert.Equal("draft", (await admin.Get($"/api/admin/campaigns/{id}")).Str("status"));

        (await admin.Put($"/api/admin/engagement/weather/{rainy}", new { condition = "drizzle" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        var customer = inRain[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Put($"/api/admin/engagement/weather/{rainy}", new { condition = "rainy" })).Status);
        var report = (await admin.Put($"/api/admin/engagement/weather/{rainy}", new { condition = "rainy" })).Is(HttpStatusCode.OK);
        Assert.True(report["current"].GetValue<bool>());
        Assert.Contains((await admin.Get("/api/admin/engagement/weather")).Is(HttpStatusCode.OK).Json!.AsArray(),
            w => w!["city"]!.GetValue<string>() == rainy && w["condition"]!.GetValue<string>() == "rainy");

        // The nodes' own job may launch it first; either way it is launched once, for the rainy city only.
        await RunSchedulerAt(DateTimeOffset.UtcNow);
        var launched = (await admin.Get($"/api/admin/campaigns/{id}")).Is(HttpStatusCode.OK);
        Assert.Equal("launched", launched.Str("status"));
        Assert.Equal(2, launched.Long("targeted"));
        foreach (var c in inRain) Assert.Equal(1, await CampaignMessages(c));
        foreach (var c in inDry) Assert.Equal(0, await CampaignMessages(c));
    }

    [Fact]
    public async Task A_launch_window_is_checked_and_a_refused_campaign_is_not_created()
    {
        var (segment, _) = await SegmentOf(1, EngagementWorld.NewCity());
        var admin = await _world.Admin();
        var before = (await admin.Get("/api/admin/campaigns")).Is(HttpStatusCode.OK).Json!.AsArray().Count;
        var now = DateTimeOffset.UtcNow;

        (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", null, null))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", null, now.AddMinutes(-5)))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", now.AddDays(3), now.AddDays(2)))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", null, now.AddDays(91)))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", null, now.AddDays(2), autoLaunch: null)))
            .Is(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(before, (await admin.Get("/api/admin/campaigns")).Json!.AsArray().Count);

        // A window given on the Beijing clock is the same instants.
        var until = now.AddDays(2).ToOffset(TimeSpan.FromHours(8));
        var created = (await admin.Post("/api/admin/campaigns", Campaign(segment, "season", "winter", now.AddMinutes(1).ToOffset(TimeSpan.FromHours(8)), until)))
            .Is(HttpStatusCode.Created);
        Assert.Equal(until, created["launchUntil"].GetValue<DateTimeOffset>());
    }
}

public sealed class CampaignSceneTests_Sqlite(SqliteApp app) : CampaignSceneTests(app), IClassFixture<SqliteApp>;

public sealed class CampaignSceneTests_Postgres(PostgresApp app) : CampaignSceneTests(app), IClassFixture<PostgresApp>;
