using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

/// <summary>Three server processes on one PostgreSQL and one Redis share one stock and one flash-sale gate.</summary>
public sealed class MultiNodeTests(PostgresCluster cluster, RedisServer redis) : IAsyncLifetime
{
    private readonly ServerNodes _cluster = new(cluster, redis, 3);
    private IReadOnlyList<ServerProcess> Nodes => _cluster.Nodes;

    public ValueTask InitializeAsync() => _cluster.InitializeAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Three_nodes_never_oversell_a_flash_sale_or_a_shelf()
    {
        _cluster.SkipUnlessAvailable();
        var admin = await Login(Nodes[0], O2oApp.AdminEmail, O2oApp.AdminPassword);
        var store = (await admin.Post("/api/admin/stores", new { name = "多节点门店", address = "上海市黄浦区", lat = 31.23, lng = 121.47, services = new[] { "pickup" } }))
            .Is(HttpStatusCode.Created).Str("id");
        var product = (await admin.Post("/api/admin/products", new { sku = "NODES-1", name = "多节点商品", priceFen = 1000 })).Is(HttpStatusCode.Created).Str("id");
        var shelf = (await admin.Post("/api/admin/products", new { sku = "NODES-2", name = "货架商品", priceFen = 500 })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 1000 })).Is(HttpStatusCode.OK);
        (await admin.Put($"/api/admin/stores/{store}/inventory/{shelf}", new { onHand = 10 })).Is(HttpStatusCode.OK);
        var sale = (await admin.Post("/api/admin/flash-sales", new
        {
            productId = product, storeIds = new[] { store }, priceFen = 100, quantity = 30, perCustomerLimit = 2,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.Created).Str("id");

        // Each customer signs up on one node and buys on every node: tokens must hold everywhere.
        var customers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var email = $"n{i}-{Guid.NewGuid():N}@test.o2o";
            (await Nodes[i % 3].Client().Post("/api/auth/register", new { email, password = World.Password, displayName = "节点顾客" })).Is(HttpStatusCode.Created);
            var token = (await Nodes[(i + 1) % 3].Client().Post("/api/auth/login", new { email, password = World.Password })).Is(HttpStatusCode.OK).Str("accessToken");
            return Nodes.Select(n => n.Client().WithToken(token)).ToArray();
        }));

        var attempts = customers.SelectMany((apis, c) => Enumerable.Range(0, 3).Select(k => apis[(c + k) % 3]
            .Post($"/api/flash-sales/{sale}/orders", new { quantity = 1, fulfillment = new { type = "pickup", storeId = store } })));
        var replies = await Task.WhenAll(attempts);
        var outcomes = string.Join(", ", replies.GroupBy(r => $"{(int)r.Status} {r.Code}").Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(replies.Count(r => r.Status == HttpStatusCode.Created) == 30, outcomes + "\n" + string.Join("\n", replies.Where(r => (int)r.Status >= 500).Select(r => r.Text).Take(3))
            + "\n" + string.Join("\n---\n", Nodes.Select(n => n.Output)));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains(r.Code, new[] { "sold_out", "limit_exceeded" }));
        foreach (var apis in customers)
            Assert.True((await apis[0].Get("/api/orders")).Json!.AsArray().Count <= 2);

        var shelfReplies = await Task.WhenAll(customers.Select((apis, c) => apis[c % 3].Post("/api/orders",
            new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = shelf, quantity = 1 } } })));
        Assert.Equal(10, shelfReplies.Count(r => r.Status == HttpStatusCode.Created));

        // Paid on one node (the sandbox calls back to that node), seen paid on another.
        var order = shelfReplies.First(r => r.Status == HttpStatusCode.Created).Str("id");
        var owner = customers[Array.FindIndex(shelfReplies, r => r.Status == HttpStatusCode.Created)];
        var payment = (await owner[1].Post($"/api/orders/{order}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Created).Str("paymentId");
        (await owner[1].Post($"/api/sandbox/payments/{payment}/succeed")).Is(HttpStatusCode.OK);
        Assert.Equal("paid", (await owner[2].Get($"/api/orders/{order}")).Is(HttpStatusCode.OK).Str("status"));

        foreach (var node in Nodes)
            Assert.Equal(0, (await customers[0][0].Get($"/api/flash-sales/{sale}")).Long("remaining"));
        var report = (await admin.Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.OK);
        Assert.True(report["consistent"].GetValue<bool>(), report.Text);
        var stock = (await admin.Get($"/api/stores/{store}/inventory/{shelf}")).Is(HttpStatusCode.OK);
        Assert.Equal(10, stock.Long("reserved"));
    }

    private static Task<Api> Login(ServerProcess node, string email, string password) => ServerNodes.Login(node, email, password);
}
