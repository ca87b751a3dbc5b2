using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using O2o.Tests.Support;

namespace O2o.Tests.Live;

/// <summary>Two server processes on one PostgreSQL and Redis: a change made on one reaches a watcher on the other.</summary>
public sealed class LiveMultiNodeTests(PostgresCluster cluster, RedisServer redis) : IAsyncLifetime
{
    private readonly ServerNodes _cluster = new(cluster, redis, 2);

    public ValueTask InitializeAsync() => _cluster.InitializeAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task An_order_changed_on_node_A_reaches_a_watcher_on_node_B()
    {
        _cluster.SkipUnlessAvailable();
        var (a, b) = (_cluster.Nodes[0], _cluster.Nodes[1]);
        var admin = await Login(a, O2oApp.AdminEmail, O2oApp.AdminPassword);
        var store = (await admin.Post("/api/admin/stores", new { name = "实时门店", address = "上海市黄浦区", lat = 31.23, lng = 121.47, services = new[] { "pickup" } }))
            .Is(HttpStatusCode.Created).Str("id");
        var product = (await admin.Post("/api/admin/products", new { sku = "LIVE-1", name = "实时商品", priceFen = 800 })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 5 })).Is(HttpStatusCode.OK);
        var staffEmail = $"s{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email = staffEmail, password = World.Password, displayName = "店员", storeIds = new[] { store }, role = "store_staff" }))
            .Is(HttpStatusCode.Created);
        var staffOnA = await Login(a, staffEmail, World.Password);
        var customerEmail = $"c{Guid.NewGuid():N}@test.o2o";
        (await a.Client().Post("/api/auth/register", new { email = customerEmail, password = World.Password, displayName = "顾客" })).Is(HttpStatusCode.Created);
        var customer = await Login(a, customerEmail, World.Password);

        await using var onB = await LiveClient.ConnectAsync(b.Url, await Login(b, staffEmail, World.Password));
        await onB.Connection.InvokeAsync("WatchStore", store);

        var order = (await World.PlaceOrder(customer, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        Assert.Equal("pending_payment", (await onB.NextAsync()).Status);
        await World.Pay(customer, order);
        Assert.Equal("paid", (await onB.NextAsync()).Status);
        (await staffOnA.Post($"/api/stores/{store}/orders/{order}/accept")).Is(HttpStatusCode.OK);
        var accepted = await onB.NextAsync();
        Assert.Equal((Guid.Parse(order), "preparing"), (accepted.OrderId, accepted.Status));
    }

    private static Task<Api> Login(ServerProcess node, string email, string password) => ServerNodes.Login(node, email, password);
}
