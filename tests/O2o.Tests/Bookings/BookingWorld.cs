using System.Net;
using System.Text.Json.Nodes;
using O2o.Tests.Support;

namespace O2o.Tests.Bookings;

/// <summary>Stores, services and bookings made through the API the way a merchant and customers would.</summary>
internal sealed class BookingWorld(World world)
{
    public World World => world;

    public async Task<string> Store(string timeZone = "Asia/Shanghai", object? openingHours = null) =>
        (await (await world.Admin()).Post("/api/admin/stores", new
        {
            name = $"预约门店 {Guid.NewGuid():N}"[..12], address = "上海市黄浦区人民大道1号", lat = World.Lat, lng = World.Lng, timeZone,
            services = new[] { "pickup", "booking" }, deliveryRadiusKm = 3, openingHours,
        })).Is(HttpStatusCode.Created).Str("id");

    public async Task<string> Service(string[] storeIds, int durationMinutes = 60, int capacity = 3, long priceFen = 6800, long? depositFen = null,
        int leadMinutes = 0, int maxDaysAhead = 365, int freeCancelHours = 24, int lateCancelRefundPercent = 0, int? rescheduleHours = null)
    {
        var admin = await world.Admin();
        var product = (await admin.Post("/api/admin/products", new
        {
            sku = $"S-{Guid.NewGuid():N}"[..20], name = "鲜榨果汁DIY工作坊", nameEn = "Fresh-juice workshop", priceFen, kind = "service",
        })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Put($"/api/admin/products/{product}/service-terms", new
        {
            durationMinutes, capacity, storeIds, depositFen, leadMinutes, maxDaysAhead, freeCancelHours, lateCancelRefundPercent, rescheduleHours,
        })).Is(HttpStatusCode.OK);
        return product;
    }

    public Task<JsonArray> Slots(string store, string service, DateOnly day) => SlotsOn(store, service, day.ToString("yyyy-MM-dd"));

    public async Task<JsonArray> SlotsOn(string store, string service, string day) =>
        (await world.Anonymous().Get($"/api/stores/{store}/services/{service}/slots?date={day}")).Is(HttpStatusCode.OK).Json!.AsArray();

    public static Task<Reply> Book(Api customer, string store, string service, DateTimeOffset start, int? quantity = null) =>
        customer.Post("/api/bookings", new { productId = service, storeId = store, start, quantity });

    /// <summary>The first slot starting at least <paramref name="after"/> from now, looking at today and the next days (store clock).</summary>
    public async Task<DateTimeOffset> NextSlot(string store, string service, TimeZoneInfo zone, TimeSpan after, int days = 4)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        for (var d = 0; d < days; d++)
            foreach (var slot in await Slots(store, service, today.AddDays(d)))
                if (slot!["start"]!.GetValue<DateTimeOffset>() is var start && start >= DateTimeOffset.UtcNow + after && slot["available"]!.GetValue<bool>())
                    return start;
        throw new InvalidOperationException("No slot found.");
    }

    /// <summary>Books and pays, and waits until the payment has confirmed the booking.</summary>
    public static async Task<JsonNode> BookPaid(Customer customer, string store, string service, DateTimeOffset start, int? quantity = null) =>
        await BookPaidExisting(customer, (await Book(customer.Api, store, service, start, quantity)).Is(HttpStatusCode.Created));

    /// <summary>Pays a booking waiting for payment and waits until the payment has confirmed it.</summary>
    public static async Task<JsonNode> BookPaidExisting(Customer customer, Reply booking)
    {
        await World.Pay(customer.Api, booking.Str("orderId"));
        var confirmed = await World.Eventually(() => customer.Api.Get($"/api/bookings/{booking.Str("id")}"), r => r.Str("status") == "confirmed");
        Assert.Equal("confirmed", confirmed.Str("status"));
        return confirmed.Json!;
    }

    public async Task<JsonArray> Refunds(string orderId, int count) =>
        (await World.Eventually(async () => await (await world.Admin()).Get($"/api/admin/orders/{orderId}/payments"),
            r => r["refunds"].AsArray().Count >= count)).Is(HttpStatusCode.OK)["refunds"].AsArray();
}
