using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

/// <summary>Every route is authorised by role and ownership; what a caller may not see is 404.</summary>
public abstract class AuthorizationTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Theory]
    [InlineData("GET", "/api/cart")]
    [InlineData("POST", "/api/cart/items")]
    [InlineData("POST", "/api/orders")]
    [InlineData("GET", "/api/orders")]
    [InlineData("GET", "/api/me")]
    [InlineData("POST", "/api/admin/stores")]
    [InlineData("POST", "/api/admin/products")]
    [InlineData("POST", "/api/admin/staff")]
    [InlineData("GET", "/api/orders/00000000-0000-0000-0000-000000000001")]
    [InlineData("POST", "/api/orders/00000000-0000-0000-0000-000000000001/payments")]
    [InlineData("GET", "/api/stores/00000000-0000-0000-0000-000000000001/orders")]
    public async Task Anonymous_callers_get_401_problems(string method, string url)
    {
        (await _world.Anonymous().Send(new HttpMethod(method), url, method == "GET" ? null : new { })).Is(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Another_customers_order_is_404_for_reading_cancelling_and_paying()
    {
        var (store, product) = await _world.StockedStore();
        var owner = await _world.NewCustomer();
        var stranger = await _world.NewCustomer();
        var orderId = (await World.PlaceOrder(owner.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");

        (await stranger.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.NotFound, "order_not_found");
        (await stranger.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.NotFound, "order_not_found");
        (await stranger.Api.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.NotFound, "order_not_found");
        Assert.Empty((await stranger.Api.Get("/api/orders")).Json!.AsArray());
        Assert.Equal("pending_payment", (await owner.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Str("status"));
    }

    [Fact]
    public async Task Staff_of_another_store_get_404_for_everything_of_this_store()
    {
        var (store, product) = await _world.StockedStore();
        var (otherStore, _) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        var outsider = await _world.NewStaff(otherStore);
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, orderId);
        var code = (await customer.Api.Get($"/api/orders/{orderId}")).Str("pickupCode");

        (await outsider.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.NotFound, "order_not_found");
        (await outsider.Get($"/api/stores/{store}/orders")).Is(HttpStatusCode.NotFound, "store_not_found");
        (await outsider.Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.NotFound, "store_not_found");
        (await outsider.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.NotFound, "store_not_found");
        (await outsider.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.NotFound, "order_not_found");
        (await outsider.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 99 })).Is(HttpStatusCode.NotFound, "store_not_found");
        // Its own store cannot act on an order of another store through its own path either.
        (await outsider.Post($"/api/stores/{otherStore}/orders/{orderId}/accept")).Is(HttpStatusCode.NotFound, "order_not_found");
        (await outsider.Post($"/api/stores/{otherStore}/pickups", new { code })).Is(HttpStatusCode.NotFound, "invalid_pickup_code");
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task Customers_and_staff_cannot_administer()
    {
        var (store, _) = await _world.StockedStore();
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);
        foreach (var caller in new[] { customer.Api, staff })
        {
            (await caller.Post("/api/admin/stores", new { name = "x", address = "y", lat = 31, lng = 121, services = new[] { "pickup" } })).Is(HttpStatusCode.Forbidden, "forbidden");
            (await caller.Post("/api/admin/products", new { sku = "X1", name = "x", priceFen = 1 })).Is(HttpStatusCode.Forbidden, "forbidden");
            (await caller.Post("/api/admin/staff", new { email = "a@b.cn", password = "Abcdefg-1", displayName = "x", storeIds = new[] { store } })).Is(HttpStatusCode.Forbidden, "forbidden");
        }
        (await customer.Api.Get($"/api/stores/{store}/orders")).Is(HttpStatusCode.Forbidden, "forbidden");
        (await staff.Get("/api/cart")).Is(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_merchant_admin_runs_only_its_own_merchants_stores()
    {
        var admin = await _world.Admin();
        var merchant = (await admin.Post("/api/admin/merchants", new { name = "隔壁超市 Next Door Mart" })).Is(HttpStatusCode.Created).Str("id");
        var email = $"m{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email, password = World.Password, displayName = "店长", role = "merchant_admin", merchantId = merchant })).Is(HttpStatusCode.Created);
        var merchantAdmin = await _world.Login(email, World.Password);

        var ownStore = (await merchantAdmin.Post("/api/admin/stores", new { name = "隔壁超市 人民广场店", address = "上海市黄浦区", lat = World.Lat, lng = World.Lng, services = new[] { "pickup" } }))
            .Is(HttpStatusCode.Created);
        Assert.Equal(merchant, ownStore.Str("merchantId"));
        var ownProduct = (await merchantAdmin.Post("/api/admin/products", new { sku = "NDM-1", name = "隔壁豆浆", priceFen = 300 })).Is(HttpStatusCode.Created).Str("id");
        (await merchantAdmin.Put($"/api/admin/stores/{ownStore.Str("id")}/inventory/{ownProduct}", new { onHand = 8 })).Is(HttpStatusCode.OK);

        var (platformStore, platformProduct) = await _world.StockedStore();
        (await merchantAdmin.Put($"/api/admin/stores/{platformStore}/inventory/{platformProduct}", new { onHand = 1 })).Is(HttpStatusCode.NotFound, "store_not_found");
        (await merchantAdmin.Post("/api/admin/staff", new { email = $"x{Guid.NewGuid():N}@t.o2o", password = World.Password, displayName = "x", storeIds = new[] { platformStore } }))
            .Is(HttpStatusCode.NotFound, "store_not_found");
        (await merchantAdmin.Post("/api/admin/staff", new { email = $"x{Guid.NewGuid():N}@t.o2o", password = World.Password, displayName = "x", role = "merchant_admin", merchantId = merchant }))
            .Is(HttpStatusCode.Forbidden, "forbidden");
    }
}

public sealed class AuthorizationTests_Sqlite(SqliteApp app) : AuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationTests_Postgres(PostgresApp app) : AuthorizationTests(app), IClassFixture<PostgresApp>;
