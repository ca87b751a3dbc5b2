using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using O2o.Server.Modules.Engagement;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>Days pass without events: the daily job takes each Beijing day once and moves customers whose recency or 365-day figures changed.</summary>
public abstract class SegmentRefreshTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);
    private EngagementWorld People => new(_world);

    [Fact]
    public async Task The_daily_job_runs_once_a_day_and_re_evaluates_time_dependent_segments()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 4000);
        var city = EngagementWorld.NewCity();
        var customer = await People.Customer(city, "female", "1999-09-09");
        await EngagementWorld.PaidOrder(customer, store, product);
        await People.AwaitPreview(new { cities = new[] { city }, minOrders = 1 }, 1);
        var lapsed = (await People.Segment("沉睡", new { cities = new[] { city }, inactiveDays = 30 })).Is(HttpStatusCode.Created);
        var buyers = (await People.Segment("近一年购买", new { cities = new[] { city }, minOrders = 1 })).Is(HttpStatusCode.Created);
        Assert.Equal((0, 1), ((int)lapsed.Long("size"), (int)buyers.Long("size")));

        var job = _world.App.Services.GetServices<IHostedService>().OfType<SegmentRefreshJob>().Single();
        // The job has taken today at start; it does not run today again.
        Assert.False(await job.RunIfDueAsync(DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.True(await job.RunIfDueAsync(DateTimeOffset.UtcNow.AddDays(40), CancellationToken.None));
        Assert.False(await job.RunIfDueAsync(DateTimeOffset.UtcNow.AddDays(40), CancellationToken.None));
        Assert.Equal(1, await People.SegmentSize(lapsed.Str("id")));
        Assert.Equal(1, await People.SegmentSize(buyers.Str("id")));

        // A year later the order has left the 365-day window.
        Assert.True(await job.RunIfDueAsync(DateTimeOffset.UtcNow.AddDays(366), CancellationToken.None));
        Assert.Equal(0, await People.SegmentSize(buyers.Str("id")));
        Assert.Equal(1, await People.SegmentSize(lapsed.Str("id")));
    }
}

public sealed class SegmentRefreshTests_Sqlite(SqliteApp app) : SegmentRefreshTests(app), IClassFixture<SqliteApp>;

public sealed class SegmentRefreshTests_Postgres(PostgresApp app) : SegmentRefreshTests(app), IClassFixture<PostgresApp>;
