using System.Net;

namespace O2o.Tests.Support;

public sealed record Customer(Api Api, string UserId, string Email);

/// <summary>Builds what a test needs through the admin API, as a merchant would: stores, products, stock, staff, customers.</summary>
public sealed class World(AppFixture fixture)
{
    public const string Password = "Test-Pass-123";
    /// <summary>People's Square, Shanghai.</summary>
    public const double Lat = 31.2304, Lng = 121.4737;

    public O2oApp App => fixture.App;

    public Api Anonymous() => new(App.CreateClient());

    public async Task<Api> Admin()
    {
        if (fixture.AdminToken is null)
        {
            var reply = (await Anonymous().Post("/api/auth/login", new { email = O2oApp.AdminEmail, password = O2oApp.AdminPassword })).Is(HttpStatusCode.OK);
            fixture.AdminToken = reply.Str("accessToken");
        }
        return Anonymous().WithToken(fixture.AdminToken);
    }

    public async Task<Api> Login(string email, string password)
    {
        var reply = await Anonymous().Post("/api/auth/login", new { email, password });
        reply.Is(HttpStatusCode.OK);
        return Anonymous().WithToken(reply.Str("accessToken"));
    }

    public async Task<Customer> NewCustomer()
    {
        var email = $"c{Guid.NewGuid():N}@test.o2o";
        var created = await Anonymous().Post("/api/auth/register", new { email, password = Password, displayName = "Test Customer 测试顾客" });
        created.Is(HttpStatusCode.Created);
        return new Customer(await Login(email, Password), created.Str("userId"), email);
    }

    public async Task<string> NewStore(string[]? services = null, double lat = Lat, double lng = Lng, double radiusKm = 5, object? openingHours = null)
    {
        var reply = await (await Admin()).Post("/api/admin/stores", new
        {
            name = $"测试门店 {Guid.NewGuid():N}"[..14], address = "上海市黄浦区人民大道1号", lat, lng,
            services = services ?? ["pickup", "delivery"], deliveryRadiusKm = radiusKm, openingHours,
        });
        reply.Is(HttpStatusCode.Created);
        return reply.Str("id");
    }

    public async Task<string> NewProduct(string? name = null, long priceFen = 1000, string? nameEn = null, string? category = null)
    {
        var reply = await (await Admin()).Post("/api/admin/products", new
        {
            sku = $"T-{Guid.NewGuid():N}"[..20], name = name ?? $"测试商品 {Guid.NewGuid():N}"[..12], nameEn = nameEn ?? "Test product", priceFen, category,
        });
        reply.Is(HttpStatusCode.Created);
        return reply.Str("id");
    }

    public async Task<Reply> SetStock(string storeId, string productId, int onHand) =>
        (await (await Admin()).Put($"/api/admin/stores/{storeId}/inventory/{productId}", new { onHand })).Is(HttpStatusCode.OK);

    public async Task<(string Store, string Product)> StockedStore(int onHand = 10, long priceFen = 1000)
    {
        var store = await NewStore();
        var product = await NewProduct(priceFen: priceFen);
        await SetStock(store, product, onHand);
        return (store, product);
    }

    public async Task<Api> NewStaff(params string[] storeIds)
    {
        var email = $"s{Guid.NewGuid():N}@test.o2o";
        (await (await Admin()).Post("/api/admin/staff", new { email, password = Password, displayName = "店员 Staff", storeIds, role = "store_staff" }))
            .Is(HttpStatusCode.Created);
        return await Login(email, Password);
    }

    public async Task<int> Available(string storeId, string productId) =>
        (int)(await (await Admin()).Get($"/api/stores/{storeId}/inventory/{productId}")).Is(HttpStatusCode.OK).Long("available");

    public static Task<Reply> PlaceOrder(Api customer, string storeId, string productId, int quantity, string? idempotencyKey = null) =>
        customer.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId }, lines = new[] { new { productId, quantity } } }, idempotencyKey);

    /// <summary>Polls until a reaction that runs after commit (through the outbox) shows, for at most ten seconds (or <paramref name="within"/>).</summary>
    public static async Task<Reply> Eventually(Func<Task<Reply>> read, Func<Reply, bool> done, TimeSpan? within = null)
    {
        var reply = await read();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!done(reply) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            reply = await read();
        }
        return reply;
    }

    /// <summary>Pays through the sandbox, the way a payer would; returns the payment id.</summary>
    public static async Task<string> Pay(Api customer, string orderId)
    {
        var started = (await customer.Post($"/api/orders/{orderId}/payments", new { method = "sandbox" })).Is(HttpStatusCode.Created);
        var paymentId = started.Str("paymentId");
        (await customer.Post($"/api/sandbox/payments/{paymentId}/succeed")).Is(HttpStatusCode.OK);
        return paymentId;
    }
}
