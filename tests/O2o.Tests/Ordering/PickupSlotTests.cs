using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

/// <summary>Stores that pace pickups: slots from opening hours in the store's time zone, never more orders than a slot takes.</summary>
public abstract class PickupSlotTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task<string> Store(string timeZone, object? openingHours = null)
    {
        var store = (await (await _world.Admin()).Post("/api/admin/stores", new
        {
            name = $"时段门店 {Guid.NewGuid():N}"[..12], address = "上海市黄浦区人民大道1号", lat = World.Lat, lng = World.Lng, timeZone,
            services = new[] { "pickup" }, deliveryRadiusKm = 3, openingHours,
        })).Is(HttpStatusCode.Created).Str("id");
        return store;
    }

    private async Task Pace(string store, int slotMinutes, int capacity) =>
        (await (await _world.Admin()).Put($"/api/admin/stores/{store}/pickup-slots", new { slotMinutes, capacity, leadMinutes = 30 })).Is(HttpStatusCode.OK);

    private static Task<Reply> Order(Api customer, string store, string product, DateTimeOffset? pickupSlot) =>
        customer.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store, pickupSlot }, lines = new[] { new { productId = product, quantity = 1 } } });

    [Fact]
    public async Task A_slot_takes_exactly_its_capacity_under_a_rush_and_a_cancellation_frees_a_place()
    {
        var store = await Store("Asia/Shanghai");
        var product = await _world.NewProduct();
        await _world.SetStock(store, product, 100);
        await Pace(store, 30, capacity: 2);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime).AddDays(1);
        var slots = (await _world.Anonymous().Get($"/api/stores/{store}/pickup-slots?date={tomorrow:yyyy-MM-dd}")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(48, slots.Count);
        var slot = slots[20]!["start"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromHours(8), slot.Offset);

        var customers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _world.NewCustomer()));
        var answers = await Task.WhenAll(customers.Select(c => Order(c.Api, store, product, slot)));
        var placed = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(2, placed.Count);
        Assert.All(answers.Except(placed), a => a.Is(HttpStatusCode.Conflict, "pickup_slot_full"));
        Assert.Equal(slot, placed[0]["fulfillment"]["pickupSlot"]!.GetValue<DateTimeOffset>());
        Assert.Equal(98, await _world.Available(store, product));

        var owner = customers[answers.ToList().IndexOf(placed[0])];
        (await owner.Api.Post($"/api/orders/{placed[0].Str("id")}/cancel")).Is(HttpStatusCode.OK);
        var after = (await _world.Anonymous().Get($"/api/stores/{store}/pickup-slots?date={tomorrow:yyyy-MM-dd}")).Json!.AsArray()[20]!;
        Assert.Equal(1, after["taken"]!.GetValue<int>());
        Assert.True(after["available"]!.GetValue<bool>());
        (await Order(customers[^1].Api, store, product, slot)).Is(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_slot_must_be_chosen_from_the_store_and_be_far_enough_ahead()
    {
        var store = await Store("Asia/Shanghai");
        var product = await _world.NewProduct();
        await _world.SetStock(store, product, 10);
        await Pace(store, 60, capacity: 5);
        var customer = await _world.NewCustomer();
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai);
        var nextHour = new DateTimeOffset(localNow.Year, localNow.Month, localNow.Day, localNow.Hour, 0, 0, localNow.Offset).AddHours(1);

        (await Order(customer.Api, store, product, null)).Is(HttpStatusCode.UnprocessableEntity, "pickup_slot_required");
        (await Order(customer.Api, store, product, nextHour.AddHours(1).AddMinutes(10))).Is(HttpStatusCode.UnprocessableEntity, "pickup_slot_unavailable");
        (await Order(customer.Api, store, product, nextHour.AddHours(-2))).Is(HttpStatusCode.UnprocessableEntity, "pickup_slot_unavailable");
        (await (await _world.Admin()).Put($"/api/admin/stores/{store}/pickup-slots", new { slotMinutes = 25, capacity = 5 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty((await customer.Api.Get("/api/orders")).Json!.AsArray());
        (await Order(customer.Api, store, product, nextHour.AddHours(2))).Is(HttpStatusCode.Created);

        (await (await _world.Admin()).Delete($"/api/admin/stores/{store}/pickup-slots")).Is(HttpStatusCode.NoContent);
        (await Order(customer.Api, store, product, null)).Is(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Slots_follow_the_store_clock_across_midnight_and_daylight_saving()
    {
        // Saturday 22:00 to Sunday 02:00 in Shanghai: the Saturday shows 22:00 and 23:00, the Sunday 00:00 and 01:00.
        var night = await Store("Asia/Shanghai", new[] { new { day = "saturday", opens = "22:00", closes = "02:00" } });
        await Pace(night, 60, capacity: 3);
        var saturday = (await _world.Anonymous().Get($"/api/stores/{night}/pickup-slots?date=2027-03-27")).Json!.AsArray();
        var sunday = (await _world.Anonymous().Get($"/api/stores/{night}/pickup-slots?date=2027-03-28")).Json!.AsArray();
        Assert.Equal(["22:00", "23:00"], saturday.Select(s => s!["start"]!.GetValue<DateTimeOffset>().ToString("HH:mm")));
        Assert.Equal(["00:00", "01:00"], sunday.Select(s => s!["start"]!.GetValue<DateTimeOffset>().ToString("HH:mm")));
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 22, 0, 0, TimeSpan.FromHours(8)), saturday[0]!["start"]!.GetValue<DateTimeOffset>());

        // Berlin skips 02:00-03:00 on 28 March 2027: an open-all-day store has 23 hourly slots that day, offsets +01:00 then +02:00.
        var berlin = await Store("Europe/Berlin");
        await Pace(berlin, 60, capacity: 3);
        var springForward = (await _world.Anonymous().Get($"/api/stores/{berlin}/pickup-slots?date=2027-03-28")).Json!.AsArray();
        Assert.Equal(23, springForward.Count);
        Assert.DoesNotContain(springForward, s => s!["start"]!.GetValue<DateTimeOffset>().Hour == 2);
        Assert.Equal(TimeSpan.FromHours(1), springForward[0]!["start"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(TimeSpan.FromHours(2), springForward[^1]!["start"]!.GetValue<DateTimeOffset>().Offset);
        (await _world.Anonymous().Get($"/api/stores/{berlin}/pickup-slots?date=28-03-2027")).Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class PickupSlotTests_Sqlite(SqliteApp app) : PickupSlotTests(app), IClassFixture<SqliteApp>;

public sealed class PickupSlotTests_Postgres(PostgresApp app) : PickupSlotTests(app), IClassFixture<PostgresApp>;
