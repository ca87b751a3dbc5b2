using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>Customers with profiles and paid orders, and segments, for the Engagement tests.</summary>
public sealed class EngagementWorld(World world)
{
    /// <summary>A city nobody else in the test database lives in, so segments on it see only this test's customers.</summary>
    public static string NewCity() => "测试城" + Guid.NewGuid().ToString("N")[..8];

    public async Task<Customer> Customer(string? city, string? gender = null, string? birthDate = null, string? phone = null)
    {
        var email = $"e{Guid.NewGuid():N}@test.o2o";
        var created = (await world.Anonymous().Post("/api/auth/register", new { email, password = World.Password, displayName = "营销测试 Engagement", phone }))
            .Is(HttpStatusCode.Created);
        var customer = new Customer(await world.Login(email, World.Password), created.Str("userId"), email);
        if (city is not null || gender is not null || birthDate is not null)
            (await customer.Api.Put("/api/me/profile", new { city, gender, birthDate })).Is(HttpStatusCode.OK);
        return customer;
    }

    /// <summary>Places and pays an order of one unit; returns the order id.</summary>
    public static async Task<string> PaidOrder(Customer customer, string store, string product, string[]? couponIds = null)
    {
        var order = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity = 1 } }, couponIds,
        })).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, order);
        return order;
    }

    public async Task<int> PreviewSize(object rule) =>
        (int)(await (await world.Admin()).Post("/api/admin/segments/preview", new { rule })).Is(HttpStatusCode.OK).Long("size");

    /// <summary>Waits until the outbox has brought the features so far that the rule selects <paramref name="expected"/> customers.</summary>
    public async Task AwaitPreview(object rule, int expected)
    {
        var admin = await world.Admin();
        var reply = await World.Eventually(() => admin.Post("/api/admin/segments/preview", new { rule }), r => r.Json?["size"]?.GetValue<int>() == expected);
        Assert.Equal(expected, reply.Is(HttpStatusCode.OK).Long("size"));
    }

    public async Task<Reply> Segment(string name, object rule) =>
        await (await world.Admin()).Post("/api/admin/segments", new { name, nameEn = name, rule });

    public async Task<int> SegmentSize(string segmentId) =>
        (int)(await (await world.Admin()).Get($"/api/admin/segments/{segmentId}")).Is(HttpStatusCode.OK).Long("size");
}
