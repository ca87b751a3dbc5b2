using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

/// <summary>The embedded default seeds a realistic Shanghai on first start.</summary>
public sealed class DemoSqliteApp() : AppFixture(DatabaseKind.Sqlite, null)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:Seed", "true")];
}

/// <summary>The demo world on PostgreSQL, as production would seed it.</summary>
public sealed class DemoPostgresApp(PostgresCluster cluster) : AppFixture(DatabaseKind.Postgres, cluster)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:Seed", "true")];
}

public sealed class DemoWorldTests(DemoSqliteApp fixture) : IClassFixture<DemoSqliteApp>
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task The_demo_world_has_stores_products_stock_and_logins()
    {
        var stores = (await _world.Anonymous().Get("/api/stores")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.True(stores.Count >= 12, $"only {stores.Count} stores");
        Assert.All(stores, s => Assert.InRange(s!["lat"]!.GetValue<double>(), 30.7, 31.6));

        var products = (await _world.Anonymous().Get("/api/products?pageSize=1")).Is(HttpStatusCode.OK);
        Assert.True(products.Long("total") >= 300, $"only {products.Long("total")} products");
        var categories = (await _world.Anonymous().Get("/api/categories")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.True(categories.Count >= 5);

        var huaihai = stores.Single(s => s!["name"]!.GetValue<string>().Contains("淮海", StringComparison.Ordinal))!["id"]!.GetValue<string>();
        var milk = (await _world.Anonymous().Get($"/api/products?storeId={huaihai}&q={Uri.EscapeDataString("牛奶")}")).Is(HttpStatusCode.OK);
        var bright = Assert.Single(milk["items"].AsArray(), i => i!["name"]!.GetValue<string>().StartsWith("光明鲜牛奶", StringComparison.Ordinal))!;
        Assert.True(bright["available"]!.GetValue<int>() > 0);

        var customer = await _world.Login("customer@o2o.demo", "Demo123!");
        var staff = await _world.Login("staff.sh-hp-01@o2o.demo", "Demo123!");
        Assert.Equal([huaihai], (await staff.Get("/api/me")).Is(HttpStatusCode.OK)["storeIds"].AsArray().Select(s => s!.GetValue<string>()));

        // The walkthrough of the README, in short: the 24-hour Huaihai Road store sells and hands over.
        var order = (await World.PlaceOrder(customer, huaihai, bright["id"]!.GetValue<string>(), 1)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer, order);
        (await staff.Post($"/api/stores/{huaihai}/orders/{order}/accept")).Is(HttpStatusCode.OK);
        (await _world.Login("merchant@o2o.demo", "Demo123!")).Http.Dispose();
    }

    [Fact]
    public async Task The_dashboard_has_a_month_of_history_that_adds_up()
    {
        var merchant = await _world.Login("merchant@o2o.demo", "Demo123!");
        var dashboard = (await merchant.Get("/api/admin/analytics/dashboard")).Is(HttpStatusCode.OK);
        var period = dashboard["period"];
        Assert.True(period["paidOrders"]!.GetValue<int>() > 1000, dashboard.Text[..300]);
        var stores = dashboard["stores"].AsArray();
        Assert.Equal(14, stores.Count);
        Assert.Equal(period["gmvFen"]!.GetValue<long>(), stores.Sum(s => s!["gmvFen"]!.GetValue<long>()));
        Assert.Equal(period["paidOrders"]!.GetValue<int>(), stores.Sum(s => s!["paidOrders"]!.GetValue<int>()));
        Assert.InRange(period["deliveryShare"]!.GetValue<double>(), 0.1, 0.6);
        var funnel = dashboard["funnel"].AsArray().Select(s => s!["count"]!.GetValue<long>()).ToList();
        Assert.Equal(funnel.OrderDescending(), funnel);
        Assert.Equal(period["paidOrders"]!.GetValue<int>(), funnel[4]);
        var week = (await merchant.Get("/api/admin/analytics/dashboard?days=7")).Is(HttpStatusCode.OK);
        Assert.InRange(week["period"]["paidOrders"]!.GetValue<int>(), 1, period["paidOrders"]!.GetValue<int>() / 3);
    }

    [Fact]
    public async Task Product_tiles_are_served_for_the_demo_catalogue()
    {
        var response = await _world.Anonymous().Http.GetAsync(new Uri("/media/products/DB-0001.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("光明鲜牛奶", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_community_leaders_and_a_running_group_buy()
    {
        var leader = await _world.Login("leader.tianlin@o2o.demo", "Demo123!");
        var mine = (await leader.Get("/api/group-buy/leaders/mine")).Is(HttpStatusCode.OK).Json!.AsArray().Single()!;
        Assert.Equal("approved", mine["status"]!.GetValue<string>());
        var shareCode = mine["shareCode"]!.GetValue<string>();
        var running = (await _world.Anonymous().Get($"/api/group-buy/campaigns?leader={shareCode}")).Is(HttpStatusCode.OK).Json!.AsArray();
        var campaign = Assert.Single(running)!;
        Assert.True(campaign["groupPriceFen"]!.GetValue<long>() < campaign["regularPriceFen"]!.GetValue<long>());
        var shared = (await _world.Anonymous().Get($"/api/group-buy/campaigns/{campaign["id"]}?leader={shareCode}")).Is(HttpStatusCode.OK);
        Assert.Equal(mine["pickupPointName"]!.GetValue<string>(), shared["pickupPoint"]["name"]!.GetValue<string>());
    }
}
