using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Bookings;

/// <summary>Service slots on the store's clock: across midnight, on daylight-saving days, and on holidays and special hours.</summary>
public abstract class BookingCalendarTests(AppFixture fixture)
{
    private readonly BookingWorld _b = new(new World(fixture));
    private World World => _b.World;

    private static string[] Times(System.Text.Json.Nodes.JsonArray slots) =>
        [.. slots.Select(s => s!["start"]!.GetValue<DateTimeOffset>().ToString("HH:mm"))];

    [Fact]
    public async Task A_slot_runs_across_midnight_and_belongs_to_the_day_it_starts_on()
    {
        // Saturday 22:30 to Sunday 02:00 in Shanghai (no daylight saving): hour-long slots 22:30, 23:30 (until 00:30), 00:30.
        var store = await _b.Store("Asia/Shanghai", new[] { new { day = "saturday", opens = "22:30", closes = "02:00" } });
        var service = await _b.Service([store], durationMinutes: 60, capacity: 2);
        var saturday = await _b.SlotsOn(store, service, "2027-03-27");
        Assert.Equal(["22:30", "23:30"], Times(saturday));
        Assert.Equal(["00:30"], Times(await _b.SlotsOn(store, service, "2027-03-28")));
        var acrossMidnight = saturday[1]!;
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 23, 30, 0, TimeSpan.FromHours(8)), acrossMidnight["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.FromHours(8)), acrossMidnight["end"]!.GetValue<DateTimeOffset>());

        var customer = await World.NewCustomer();
        var booking = (await BookingWorld.Book(customer.Api, store, service, acrossMidnight["start"]!.GetValue<DateTimeOffset>())).Is(HttpStatusCode.Created);
        Assert.Equal("2027-03-28T00:30+08:00", booking["end"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mmzzz"));
        var staff = await World.NewStaff(store);
        Assert.Single((await staff.Get($"/api/stores/{store}/bookings?date=2027-03-27")).Is(HttpStatusCode.OK).Json!.AsArray());
        Assert.Empty((await staff.Get($"/api/stores/{store}/bookings?date=2027-03-28")).Is(HttpStatusCode.OK).Json!.AsArray());
    }

    [Fact]
    public async Task A_service_keeps_its_real_length_over_daylight_saving_changes()
    {
        // Berlin: 28 March 2027 has 23 hours (02:00 becomes 03:00), 31 October 2027 has 25.
        var store = await _b.Store("Europe/Berlin");
        var service = await _b.Service([store], durationMinutes: 90, capacity: 2);
        var spring = await _b.SlotsOn(store, service, "2027-03-28");
        Assert.Equal(15, spring.Count);
        Assert.Equal(["00:00", "01:30", "04:00", "05:30"], Times(spring)[..4]);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 4, 0, 0, TimeSpan.FromHours(2)), spring[1]!["end"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromHours(1), spring[0]!["start"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(TimeSpan.FromHours(2), spring[^1]!["start"]!.GetValue<DateTimeOffset>().Offset);
        var autumn = await _b.SlotsOn(store, service, "2027-10-31");
        Assert.Equal(16, autumn.Count);
        Assert.Equal(["00:00", "01:30", "02:00", "03:30"], Times(autumn)[..4]);
        Assert.Equal(TimeSpan.FromHours(2), autumn[1]!["start"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(TimeSpan.FromHours(1), autumn[2]!["start"]!.GetValue<DateTimeOffset>().Offset);

        var customer = await World.NewCustomer();
        var booked = (await BookingWorld.Book(customer.Api, store, service, spring[1]!["start"]!.GetValue<DateTimeOffset>())).Is(HttpStatusCode.Created);
        Assert.Equal(TimeSpan.FromMinutes(90), booked["end"]!.GetValue<DateTimeOffset>() - booked["start"]!.GetValue<DateTimeOffset>());
        (await BookingWorld.Book(customer.Api, store, service, new DateTimeOffset(2027, 3, 28, 2, 30, 0, TimeSpan.FromHours(1))))
            .Is(HttpStatusCode.UnprocessableEntity, "booking_slot_unavailable");
    }

    [Fact]
    public async Task Holidays_close_a_day_and_special_hours_replace_its_opening_hours()
    {
        var store = await _b.Store("Asia/Shanghai", new[] { new { day = "saturday", opens = "22:30", closes = "02:00" }, new { day = "sunday", opens = "09:00", closes = "12:00" } });
        var service = await _b.Service([store], durationMinutes: 60, capacity: 2);
        var admin = await World.Admin();
        (await admin.Put($"/api/admin/stores/{store}/special-days/2027-03-27", new { closed = true, note = "店庆休息" })).Is(HttpStatusCode.OK);
        (await admin.Put($"/api/admin/stores/{store}/special-days/2027-03-28", new { opens = "10:00", closes = "12:00" })).Is(HttpStatusCode.OK);
        Assert.Empty(await _b.SlotsOn(store, service, "2027-03-27"));
        Assert.Equal(["10:00", "11:00"], Times(await _b.SlotsOn(store, service, "2027-03-28")));
        var days = (await World.Anonymous().Get($"/api/stores/{store}/special-days?from=2027-03-01&days=60")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([true, false], days.Select(d => d!["closed"]!.GetValue<bool>()));

        var customer = await World.NewCustomer();
        (await BookingWorld.Book(customer.Api, store, service, new DateTimeOffset(2027, 3, 27, 22, 30, 0, TimeSpan.FromHours(8))))
            .Is(HttpStatusCode.UnprocessableEntity, "booking_slot_unavailable");
        (await admin.Put($"/api/admin/stores/{store}/special-days/2027-03-28", new { opens = "10:00" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await (await World.NewStaff(store)).Put($"/api/admin/stores/{store}/special-days/2027-03-28", new { closed = true })).Is(HttpStatusCode.Forbidden);

        (await admin.Delete($"/api/admin/stores/{store}/special-days/2027-03-27")).Is(HttpStatusCode.NoContent);
        Assert.Equal(["22:30", "23:30"], Times(await _b.SlotsOn(store, service, "2027-03-27")));
        (await BookingWorld.Book(customer.Api, store, service, new DateTimeOffset(2027, 3, 27, 22, 30, 0, TimeSpan.FromHours(8)))).Is(HttpStatusCode.Created);
    }
}

public sealed class BookingCalendarTests_Sqlite(SqliteApp app) : BookingCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class BookingCalendarTests_Postgres(PostgresApp app) : BookingCalendarTests(app), IClassFixture<PostgresApp>;
