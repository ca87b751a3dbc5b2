using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Analytics;
using O2o.Tests.Support;

namespace O2o.Tests.Analytics;

public abstract class DashboardTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task The_figures_match_the_orders_paid_refunded_and_left_unpaid_at_two_stores()
    {
        var (merchantAdmin, a, b, product) = await NewMerchant();
        var first = await _world.NewCustomer();
        var second = await _world.NewCustomer();
        foreach (var store in new[] { a, a, b }) (await _world.Anonymous().Get($"/api/stores/{store}")).Is(HttpStatusCode.OK);
        (await _world.Anonymous().Get($"/api/products/{product}?storeId={a}")).Is(HttpStatusCode.OK);
        (await first.Api.Post("/api/cart/items", new { productId = product, quantity = 1 })).Is(HttpStatusCode.OK);

        var pickup = (await World.PlaceOrder(first.Api, a, product, 2)).Is(HttpStatusCode.Created).Str("id");
        var delivery = (await first.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = a, address = new { line = "上海市黄浦区南京东路1号", lat = 31.2365, lng = 121.4790, contactName = "王小明", contactPhone = "13800138000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        })).Is(HttpStatusCode.Created);
        var refunded = (await World.PlaceOrder(second.Api, b, product, 3)).Is(HttpStatusCode.Created).Str("id");
        (await World.PlaceOrder(second.Api, b, product, 1)).Is(HttpStatusCode.Created);
        foreach (var (customer, order) in new[] { (first, pickup), (first, delivery.Str("id")), (second, refunded) }) await World.Pay(customer.Api, order);
        (await second.Api.Post($"/api/orders/{refunded}/cancel")).Is(HttpStatusCode.OK);

        var gmv = 2000 + delivery.Long("totalFen");
        var dashboard = await World.Eventually(() => merchantAdmin.Get("/api/admin/analytics/dashboard"), r => r["period"]["gmvFen"]!.GetValue<long>() == gmv);
        foreach (var (window, days) in new[] { ("today", (int?)null), ("period", 30) })
        {
            var figures = dashboard[window];
            Assert.Equal(gmv, figures["gmvFen"]!.GetValue<long>());
            Assert.Equal(3, figures["paidOrders"]!.GetValue<int>());
            Assert.Equal(gmv / 3, figures["averageOrderFen"]!.GetValue<long>());
            Assert.Equal(2.0 / 3, figures["pickupShare"]!.GetValue<double>(), 6);
            Assert.Equal(1.0 / 3, figures["deliveryShare"]!.GetValue<double>(), 6);
            if (days is not null) Assert.Equal(days, figures["days"]!.GetValue<int>());
        }
        var stores = dashboard["stores"].AsArray();
        Assert.Equal([(a, gmv, 2), (b, 0L, 1)], stores.Select(s => (s!["storeId"]!.GetValue<string>(), s["gmvFen"]!.GetValue<long>(), s["paidOrders"]!.GetValue<int>())));
        Assert.Equal(gmv / 2, stores[0]!["averageOrderFen"]!.GetValue<long>());

        var hours = dashboard["ordersPerHour"].AsArray();
        Assert.Equal(24, hours.Count);
        Assert.All(hours, h => Assert.EndsWith("+08:00", h!["hour"]!.GetValue<string>(), StringComparison.Ordinal));
        var last = DateTimeOffset.Parse(hours[23]!["hour"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow - last, TimeSpan.Zero, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(23), last - DateTimeOffset.Parse(hours[0]!["hour"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, hours.Sum(h => h!["orders"]!.GetValue<int>()));

        Assert.Equal([("view_store", 3L), ("view_product", 1L), ("add_to_cart", 1L), ("place_order", 4L), ("pay", 3L)], Funnel(dashboard));
        // Flushed to the database, and added to (not overwritten) by the next flush.
        var flush = fixture.App.Services.GetRequiredService<FunnelFlushJob>();
        await flush.FlushAsync(CancellationToken.None);
        (await _world.Anonymous().Get($"/api/stores/{b}")).Is(HttpStatusCode.OK);
        await flush.FlushAsync(CancellationToken.None);
        var again = (await merchantAdmin.Get("/api/admin/analytics/dashboard?days=7")).Is(HttpStatusCode.OK);
        Assert.Equal([("view_store", 4L), ("view_product", 1L), ("add_to_cart", 1L), ("place_order", 4L), ("pay", 3L)], Funnel(again));

        var onlyB = (await merchantAdmin.Get($"/api/admin/analytics/dashboard?storeId={b}&days=1")).Is(HttpStatusCode.OK);
        Assert.Equal((0L, 1, 1.0), (onlyB["period"]["gmvFen"]!.GetValue<long>(), onlyB["period"]["paidOrders"]!.GetValue<int>(), onlyB["period"]["pickupShare"]!.GetValue<double>()));
        Assert.Equal([b], onlyB["stores"].AsArray().Select(s => s!["storeId"]!.GetValue<string>()));
        Assert.Equal([("view_store", 2L), ("view_product", 0L), ("add_to_cart", 0L), ("place_order", 2L), ("pay", 1L)], Funnel(onlyB));
    }

    [Fact]
    public async Task A_merchant_sees_only_its_own_stores_and_the_platform_sees_all()
    {
        var (merchantAdmin, a, b, _) = await NewMerchant();
        var (_, otherStore, _, _) = await NewMerchant();
        var mine = (await merchantAdmin.Get("/api/admin/analytics/dashboard")).Is(HttpStatusCode.OK);
        Assert.Equal(new[] { a, b }.Order(), mine["stores"].AsArray().Select(s => s!["storeId"]!.GetValue<string>()).Order());
        (await merchantAdmin.Get($"/api/admin/analytics/dashboard?storeId={otherStore}")).Is(HttpStatusCode.NotFound, "store_not_found");
        (await merchantAdmin.Get("/api/admin/analytics/dashboard?storeId=nonsense")).Is(HttpStatusCode.NotFound, "store_not_found");

        var all = (await (await _world.Admin()).Get("/api/admin/analytics/dashboard")).Is(HttpStatusCode.OK);
        var ids = all["stores"].AsArray().Select(s => s!["storeId"]!.GetValue<string>()).ToList();
        Assert.Contains(a, ids);
        Assert.Contains(otherStore, ids);
        (await (await _world.Admin()).Get($"/api/admin/analytics/dashboard?storeId={otherStore}")).Is(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Customers_and_staff_are_forbidden_and_bad_days_are_refused()
    {
        var (merchantAdmin, a, _, _) = await NewMerchant();
        (await (await _world.NewCustomer()).Api.Get("/api/admin/analytics/dashboard")).Is(HttpStatusCode.Forbidden, "forbidden");
        (await (await _world.NewStaff(a)).Get($"/api/admin/analytics/dashboard?storeId={a}")).Is(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.Anonymous().Get("/api/admin/analytics/dashboard")).Status);
        foreach (var days in new[] { "0", "91", "-1", "abc", "7.5" })
        {
            var refused = (await merchantAdmin.Get($"/api/admin/analytics/dashboard?days={days}")).Is(HttpStatusCode.BadRequest, "validation_failed");
            Assert.NotNull(refused["errors"]["days"]);
        }
        Assert.Equal(90, (await merchantAdmin.Get("/api/admin/analytics/dashboard?days=90")).Is(HttpStatusCode.OK)["period"]["days"]!.GetValue<int>());
    }

    private static List<(string, long)> Funnel(Reply dashboard) =>
        dashboard["funnel"].AsArray().Select(s => (s!["step"]!.GetValue<string>(), s["count"]!.GetValue<long>())).ToList();

    /// <summary>A merchant of its own with an admin, two stores (A with delivery) and a ¥10.00 product stocked at both.</summary>
    private async Task<(Api Admin, string A, string B, string Product)> NewMerchant()
    {
        var admin = await _world.Admin();
        var merchant = (await admin.Post("/api/admin/merchants", new { name = $"看板商户 {Guid.NewGuid():N}"[..12] })).Is(HttpStatusCode.Created).Str("id");
        var email = $"m{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email, password = World.Password, displayName = "运营", role = "merchant_admin", merchantId = merchant })).Is(HttpStatusCode.Created);
        var merchantAdmin = await _world.Login(email, World.Password);
        async Task<string> Store(string name, string[] services) =>
            (await merchantAdmin.Post("/api/admin/stores", new { name, address = "上海市黄浦区人民大道1号", lat = World.Lat, lng = World.Lng, services, deliveryRadiusKm = 5 }))
                .Is(HttpStatusCode.Created).Str("id");
        var a = await Store("看板A店", ["pickup", "delivery"]);
        var b = await Store("看板B店", ["pickup"]);
        var product = (await merchantAdmin.Post("/api/admin/products", new { sku = $"D-{Guid.NewGuid():N}"[..16], name = "看板商品", priceFen = 1000 })).Is(HttpStatusCode.Created).Str("id");
        foreach (var store in new[] { a, b }) (await merchantAdmin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 20 })).Is(HttpStatusCode.OK);
        return (merchantAdmin, a, b, product);
    }
}

public sealed class DashboardTests_Sqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTests_Postgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
