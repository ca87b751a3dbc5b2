using System.Globalization;
using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Delivery;

/// <summary>Dispatch every half second with short planning and a five-second offer timeout, so a test sees rounds quickly; positions kept at most once a minute.</summary>
public sealed class DeliverySqliteApp() : AppFixture(DatabaseKind.Sqlite, null)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => DeliveryWorld.FastDispatch;
}

public sealed class DeliveryPostgresApp(PostgresCluster cluster) : AppFixture(DatabaseKind.Postgres, cluster)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => DeliveryWorld.FastDispatch;
}

public sealed record TestRider(Api Api, string Id, string Email);

/// <summary>Stores, riders and paid delivery orders for the delivery tests.</summary>
public sealed class DeliveryWorld(AppFixture fixture)
{
    public static readonly KeyValuePair<string, string?>[] FastDispatch =
    [
        new("Delivery:DispatchInterval", "00:00:00.500"), new("Delivery:PlanningTimeLimit", "00:00:00.300"),
        new("Delivery:OfferTimeout", "00:00:05"), new("Delivery:PositionMinInterval", "00:01:00"),
    ];

    public World World { get; } = new(fixture);

    /// <summary>A store of its own at a position of its own, so rounds of other tests (other stores, other riders) never mix with this one's.</summary>
    public async Task<(string Store, string Product, double Lat, double Lng)> DeliveringStore()
    {
        var lat = World.Lat + Random.Shared.NextDouble() * 0.5;
        var lng = World.Lng + Random.Shared.NextDouble() * 0.5;
        var store = await World.NewStore(lat: lat, lng: lng, radiusKm: 5);
        var product = await World.NewProduct();
        await World.SetStock(store, product, 50);
        return (store, product, lat, lng);
    }

    public async Task<TestRider> NewRider(string store, string vehicle = "ebike", int? capacity = null)
    {
        var email = $"r{Guid.NewGuid():N}@test.o2o";
        var created = (await (await World.Admin()).Post("/api/admin/riders", new
        {
            email, password = World.Password, displayName = "骑手 Rider", phone = "13900139000", vehicleType = vehicle, storeIds = new[] { store }, capacity,
        })).Is(HttpStatusCode.Created);
        return new TestRider(await World.Login(email, World.Password), created.Str("id"), email);
    }

    public static async Task OnShift(TestRider rider, double lat, double lng) =>
        (await rider.Api.Post("/api/rider/shift/start", new { lat, lng })).Is(HttpStatusCode.OK);

    public static Task<Reply> Report(TestRider rider, double lat, double lng) => rider.Api.Post("/api/rider/positions", new { lat, lng });

    public static Task<Reply> Order(Api customer, string store, string product, double lat, double lng, string? speed = null) =>
        customer.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, speed, address = new { line = "上海市黄浦区南京东路300号", lat, lng, contactName = "王小明", contactPhone = "13800138000" } },
            lines = new[] { new { productId = product, quantity = 1 } },
        });

    /// <summary>A delivery order placed and paid by a new customer about <paramref name="northKm"/> north of the store.</summary>
    public async Task<(Customer Customer, string OrderId)> PaidDelivery(string store, string product, double storeLat, double storeLng, double northKm = 1.5)
    {
        var customer = await World.NewCustomer();
        var order = (await Order(customer.Api, store, product, storeLat + northKm / 111.2, storeLng)).Is(HttpStatusCode.Created);
        await World.Pay(customer.Api, order.Str("id"));
        return (customer, order.Str("id"));
    }

    /// <summary>Waits until the rider holds the order in <paramref name="status"/>.</summary>
    public static async Task<Reply> Holds(TestRider rider, string orderId, string status = "offered", TimeSpan? within = null)
    {
        var jobs = await World.Eventually(() => rider.Api.Get("/api/rider/jobs"),
            r => r.Json!.AsArray().Any(j => (string)j!["orderId"]! == orderId && (string)j["status"]! == status), within);
        Assert.True(jobs.Json!.AsArray().Any(j => (string)j!["orderId"]! == orderId && (string)j["status"]! == status),
            $"rider does not hold {orderId} as {status}: {jobs.Text}");
        return jobs;
    }

    public static async Task<bool> HoldsNothing(TestRider rider, string orderId) =>
        !(await rider.Api.Get("/api/rider/jobs")).Is(HttpStatusCode.OK).Json!.AsArray().Any(j => (string)j!["orderId"]! == orderId);

    public async Task Accept(string store, string orderId) =>
        (await (await World.Admin()).Post($"/api/stores/{store}/orders/{orderId}/accept")).Is(HttpStatusCode.OK);

    public static string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
