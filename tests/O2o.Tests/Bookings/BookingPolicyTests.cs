using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Bookings;

/// <summary>Rescheduling and cancelling within the store's policy, and refunds through the original payment.</summary>
public abstract class BookingPolicyTests(AppFixture fixture)
{
    private readonly BookingWorld _b = new(new World(fixture));
    private World World => _b.World;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Before_the_deadline_a_booking_moves_freely_and_cancels_with_a_full_refund()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], capacity: 2, priceFen: 10000, freeCancelHours: 24, lateCancelRefundPercent: 50);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var (first, second) = (today.AddDays(3), today.AddDays(4));
        var from = (await _b.Slots(store, service, first))[9]!["start"]!.GetValue<DateTimeOffset>();
        var to = (await _b.Slots(store, service, second))[15]!["start"]!.GetValue<DateTimeOffset>();
        var customer = await World.NewCustomer();
        var booking = await BookingWorld.BookPaid(customer, store, service, from);

        var moved = (await customer.Api.Post($"/api/bookings/{booking["id"]}/reschedule", new { start = to })).Is(HttpStatusCode.OK);
        Assert.Equal(to, moved["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, moved.Long("reschedules"));
        Assert.Equal("confirmed", moved.Str("status"));
        Assert.Equal(0, (await _b.Slots(store, service, first))[9]!["taken"]!.GetValue<int>());
        Assert.Equal(1, (await _b.Slots(store, service, second))[15]!["taken"]!.GetValue<int>());
        Assert.Equal(to.AddHours(-2), moved["reminders"]!.AsArray().Single()!["dueAt"]!.GetValue<DateTimeOffset>());

        // A full slot leaves the booking where it was.
        var full = (await _b.Slots(store, service, first))[11]!["start"]!.GetValue<DateTimeOffset>();
        await BookingWorld.BookPaid(await World.NewCustomer(), store, service, full, quantity: 2);
        (await customer.Api.Post($"/api/bookings/{booking["id"]}/reschedule", new { start = full })).Is(HttpStatusCode.Conflict, "booking_slot_full");
        (await customer.Api.Post($"/api/bookings/{booking["id"]}/reschedule", new { start = to.AddMinutes(20) }))
            .Is(HttpStatusCode.UnprocessableEntity, "booking_slot_unavailable");
        Assert.Equal(1, (await _b.Slots(store, service, second))[15]!["taken"]!.GetValue<int>());

        var cancelled = (await customer.Api.Post($"/api/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal(10000, cancelled.Long("refundedFen"));
        Assert.Empty(cancelled["reminders"].AsArray());
        Assert.Equal(10000, (await _b.Refunds(booking["orderId"]!.GetValue<string>(), 1)).Single()!["amountFen"]!.GetValue<long>());
        Assert.Equal(0, (await _b.Slots(store, service, second))[15]!["taken"]!.GetValue<int>());
        (await customer.Api.Post($"/api/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.Conflict, "booking_not_changeable");
    }

    [Fact]
    public async Task After_the_deadline_a_booking_cannot_move_and_cancelling_refunds_the_late_share()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], capacity: 2, priceFen: 10000, freeCancelHours: 24, lateCancelRefundPercent: 50, rescheduleHours: 12);
        var soon = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromHours(2));
        var later = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromDays(2));
        var customer = await World.NewCustomer();
        var booking = await BookingWorld.BookPaid(customer, store, service, soon);

        var refused = (await customer.Api.Post($"/api/bookings/{booking["id"]}/reschedule", new { start = later })).Is(HttpStatusCode.Conflict, "booking_reschedule_closed");
        Assert.NotNull(refused["rescheduleUntil"]);
        var cancelled = (await customer.Api.Post($"/api/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal(5000, cancelled.Long("refundedFen"));
        Assert.Equal(5000, (await _b.Refunds(booking["orderId"]!.GetValue<string>(), 1)).Single()!["amountFen"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_store_that_cannot_serve_a_booking_cancels_it_with_a_full_refund()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], capacity: 1, priceFen: 8000, depositFen: 3000, freeCancelHours: 48);
        var start = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromHours(3));
        var customer = await World.NewCustomer();
        var booking = await BookingWorld.BookPaid(customer, store, service, start);
        (await (await World.NewStaff(await _b.Store())).Post($"/api/stores/{store}/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.NotFound, "store_not_found");
        var cancelled = (await (await World.NewStaff(store)).Post($"/api/stores/{store}/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal(3000, cancelled.Long("refundedFen"));
        Assert.Equal(3000, (await _b.Refunds(booking["orderId"]!.GetValue<string>(), 1)).Single()!["amountFen"]!.GetValue<long>());
        (await BookingWorld.Book((await World.NewCustomer()).Api, store, service, start)).Is(HttpStatusCode.Created);
    }
}

public sealed class BookingPolicyTests_Sqlite(SqliteApp app) : BookingPolicyTests(app), IClassFixture<SqliteApp>;

public sealed class BookingPolicyTests_Postgres(PostgresApp app) : BookingPolicyTests(app), IClassFixture<PostgresApp>;
