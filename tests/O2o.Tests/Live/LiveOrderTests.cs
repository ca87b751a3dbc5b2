using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Live;
using O2o.Tests.Support;

namespace O2o.Tests.Live;

public abstract class LiveOrderTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Staff_watching_their_store_see_an_order_placed_paid_accepted_readied_and_handed_over()
    {
        var (store, product) = await _world.StockedStore(onHand: 5, priceFen: 1390);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();
        await using var live = await LiveClient.ConnectAsync(fixture.App, staff);
        await live.Connection.InvokeAsync("WatchStore", store);

        var order = (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created).Str("id");
        var placed = await live.NextAsync();
        Assert.Equal((Guid.Parse(order), Guid.Parse(store), Guid.Parse(customer.UserId), "pending_payment", "pickup", 2780L),
            (placed.OrderId, placed.StoreId, placed.CustomerId, placed.Status, placed.FulfillmentType, placed.TotalFen));
        await World.Pay(customer.Api, order);
        Assert.Equal("paid", (await live.NextAsync()).Status);
        (await staff.Post($"/api/stores/{store}/orders/{order}/accept")).Is(HttpStatusCode.OK);
        Assert.Equal("preparing", (await live.NextAsync()).Status);
        (await staff.Post($"/api/stores/{store}/orders/{order}/ready")).Is(HttpStatusCode.OK);
        Assert.Equal("ready_for_pickup", (await live.NextAsync()).Status);
        var code = (await customer.Api.Get($"/api/orders/{order}")).Is(HttpStatusCode.OK).Str("pickupCode");
        (await staff.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.OK);
        var completed = await live.NextAsync();
        Assert.Equal("completed", completed.Status);
        Assert.True(completed.At >= placed.At);
    }

    [Fact]
    public async Task Staff_of_another_store_and_strangers_are_refused()
    {
        var (store, product) = await _world.StockedStore();
        var other = await _world.NewStore();
        var otherStaff = await _world.NewStaff(other);
        await using var live = await LiveClient.ConnectAsync(fixture.App, otherStaff);

        var refused = await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync("WatchStore", store));
        Assert.Contains("not found", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync("WatchStore", "not-a-store"));
        var customer = await _world.NewCustomer();
        await Assert.ThrowsAsync<HubException>(async () =>
        {
            await using var asCustomer = await LiveClient.ConnectAsync(fixture.App, customer.Api);
            await asCustomer.Connection.InvokeAsync("WatchStore", store);
        });

        // Nothing was joined: an order at the store reaches neither.
        (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created);
        await live.Connection.InvokeAsync("WatchStore", other);
        (await World.PlaceOrder(customer.Api, other, await StockAt(other), 1)).Is(HttpStatusCode.Created);
        Assert.Equal(Guid.Parse(other), (await live.NextAsync()).StoreId);
        Assert.Empty(live.Received());

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => LiveClient.ConnectAsync(fixture.App, _world.Anonymous().WithToken("not-a-token")));
    }

    [Fact]
    public async Task A_customer_watches_their_own_order_but_not_someone_elses()
    {
        var (store, product) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        var stranger = await _world.NewCustomer();
        var order = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        await using var mine = await LiveClient.ConnectAsync(fixture.App, customer.Api);
        await using var theirs = await LiveClient.ConnectAsync(fixture.App, stranger.Api);
        await using var admin = await LiveClient.ConnectAsync(fixture.App, await _world.Admin());

        await mine.Connection.InvokeAsync("WatchOrder", order);
        await mine.Connection.InvokeAsync("WatchOrder", order); // asking twice still gives one update per change
        await admin.Connection.InvokeAsync("WatchOrder", order);
        var refused = await Assert.ThrowsAsync<HubException>(() => theirs.Connection.InvokeAsync("WatchOrder", order));
        Assert.Contains("not found", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => theirs.Connection.InvokeAsync("WatchOrder", Guid.NewGuid().ToString()));

        await World.Pay(customer.Api, order);
        Assert.Equal("paid", (await mine.NextAsync()).Status);
        Assert.Equal("paid", (await admin.NextAsync()).Status);
        (await customer.Api.Post($"/api/orders/{order}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await mine.NextAsync()).Status);
        await Task.Delay(200);
        Assert.Empty(mine.Received());
        Assert.Empty(theirs.Received());
    }

    [Fact]
    public async Task Consoles_watch_through_the_feed_and_see_a_delivery_dispatched_and_delivered()
    {
        var (store, product) = await _world.StockedStore(priceFen: 2000);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);
        var seen = Channel.CreateUnbounded<OrderUpdate>();
        var feed = fixture.App.Services.GetRequiredService<ILiveOrders>();
        var watch = feed.WatchStore(Guid.Parse(store), u => seen.Writer.WriteAsync(u).AsTask());

        var order = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, address = new { line = "上海市黄浦区南京东路1号", lat = 31.2365, lng = 121.4790, contactName = "王小明", contactPhone = "13800138000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        })).Is(HttpStatusCode.Created);
        await World.Pay(customer.Api, order.Str("id"));
        foreach (var step in new[] { "accept", "dispatch", "delivered" })
            (await staff.Post($"/api/stores/{store}/orders/{order.Str("id")}/{step}")).Is(HttpStatusCode.OK);

        var statuses = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (statuses.Count < 5) statuses.Add((await seen.Reader.ReadAsync(timeout.Token)).Status);
        Assert.Equal(["pending_payment", "paid", "preparing", "out_for_delivery", "completed"], statuses);

        watch.Dispose();
        (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created);
        await Task.Delay(300);
        Assert.False(seen.Reader.TryRead(out _));
    }

    private async Task<string> StockAt(string store)
    {
        var product = await _world.NewProduct();
        await _world.SetStock(store, product, 5);
        return product;
    }
}

public sealed class LiveOrderTests_Sqlite(SqliteApp app) : LiveOrderTests(app), IClassFixture<SqliteApp>;

public sealed class LiveOrderTests_Postgres(PostgresApp app) : LiveOrderTests(app), IClassFixture<PostgresApp>;
