using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Bookings;
using O2o.Tests.Support;

namespace O2o.Tests.Bookings;

/// <summary>Service bookings: slots with capacity from opening hours, booked and paid as orders, reminded, checked in, moved and cancelled by policy.</summary>
public abstract class BookingTests(AppFixture fixture)
{
    private readonly BookingWorld _b = new(new World(fixture));
    private World World => _b.World;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Exactly_the_capacity_of_a_slot_is_booked_when_customers_race_and_a_cancellation_frees_a_place()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], capacity: 3);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime).AddDays(1);
        var slots = await _b.Slots(store, service, tomorrow);
        Assert.Equal(24, slots.Count);
        var start = slots[10]!["start"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromHours(8), start.Offset);

        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => World.NewCustomer()));
        var answers = await Task.WhenAll(customers.Select(c => BookingWorld.Book(c.Api, store, service, start)));
        var booked = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(3, booked.Count);
        Assert.All(answers.Except(booked), a => a.Is(HttpStatusCode.Conflict, "booking_slot_full"));
        var losers = customers.Where((_, i) => answers[i].Status != HttpStatusCode.Created).ToList();
        foreach (var loser in losers) Assert.Empty((await loser.Api.Get("/api/orders")).Json!.AsArray());

        var after = (await _b.Slots(store, service, tomorrow))[10]!;
        Assert.Equal(3, after["taken"]!.GetValue<int>());
        Assert.False(after["available"]!.GetValue<bool>());

        var first = booked[0];
        Assert.Equal("pending_payment", first.Str("status"));
        Assert.Equal(start, first["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddHours(1), first["end"]!.GetValue<DateTimeOffset>());
        var owner = customers[answers.ToList().IndexOf(first)];
        Assert.Equal("cancelled", (await owner.Api.Post($"/api/bookings/{first.Str("id")}/cancel")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal("cancelled", (await owner.Api.Get($"/api/orders/{first.Str("orderId")}")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal(2, (await _b.Slots(store, service, tomorrow))[10]!["taken"]!.GetValue<int>());
        (await BookingWorld.Book(losers[0].Api, store, service, start)).Is(HttpStatusCode.Created);
        (await BookingWorld.Book(losers[1].Api, store, service, start)).Is(HttpStatusCode.Conflict, "booking_slot_full");

        // An unpaid booking whose order is cancelled (as the payment timeout does) closes and gives its place back.
        var second = booked[1];
        var secondOwner = customers[answers.ToList().IndexOf(second)];
        (await secondOwner.Api.Post($"/api/orders/{second.Str("orderId")}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await World.Eventually(() => secondOwner.Api.Get($"/api/bookings/{second.Str("id")}"),
            r => r.Str("status") != "pending_payment")).Str("status"));
        Assert.Equal(2, (await _b.Slots(store, service, tomorrow))[10]!["taken"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_paid_booking_is_confirmed_reminded_listed_for_the_staff_and_checked_in()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], durationMinutes: 30, capacity: 4, priceFen: 6800, depositFen: 2000);
        var offers = (await World.Anonymous().Get($"/api/services?storeId={store}")).Is(HttpStatusCode.OK).Json!.AsArray();
        var offer = offers.Single(o => o!["productId"]!.GetValue<string>() == service)!;
        Assert.Equal(2000, offer["chargeFen"]!.GetValue<long>());
        var start = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromMinutes(2));
        var customer = await World.NewCustomer();

        var pending = (await BookingWorld.Book(customer.Api, store, service, start, quantity: 2)).Is(HttpStatusCode.Created);
        Assert.Equal(4000, pending.Long("chargedFen"));
        Assert.Equal(13600, pending.Long("priceFen"));
        Assert.Equal(9600, pending.Long("balanceDueFen"));
        var staff = await World.NewStaff(store);
        (await staff.Post($"/api/stores/{store}/bookings/{pending.Str("id")}/check-in")).Is(HttpStatusCode.Conflict, "booking_not_paid");

        var booking = await BookingWorld.BookPaidExisting(customer, pending);
        Assert.Equal("completed", (await customer.Api.Get($"/api/orders/{pending.Str("orderId")}")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Single(booking["reminders"]!.AsArray());
        using (var scope = World.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<BookingReminders>().SendDueAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var reminded = (await customer.Api.Get($"/api/bookings/{pending.Str("id")}")).Is(HttpStatusCode.OK)["reminders"].AsArray().Single()!;
        Assert.NotNull(reminded["sentAt"]);
        Assert.Contains("预约提醒", reminded["message"]!.GetValue<string>());

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Shanghai).DateTime);
        var list = (await staff.Get($"/api/stores/{store}/bookings?date={day:yyyy-MM-dd}")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(pending.Str("id"), list.Single()!["id"]!.GetValue<string>());
        Assert.Equal(customer.UserId, list.Single()!["customerId"]!.GetValue<string>());
        (await staff.Post($"/api/stores/{store}/bookings/{pending.Str("id")}/no-show")).Is(HttpStatusCode.Conflict, "booking_no_show_too_early");
        var checkedIn = (await staff.Post($"/api/stores/{store}/bookings/{pending.Str("id")}/check-in")).Is(HttpStatusCode.OK);
        Assert.Equal("checked_in", checkedIn.Str("status"));
        (await staff.Post($"/api/stores/{store}/bookings/{pending.Str("id")}/no-show")).Is(HttpStatusCode.Conflict, "booking_not_changeable");
        (await customer.Api.Post($"/api/bookings/{pending.Str("id")}/cancel")).Is(HttpStatusCode.Conflict, "booking_not_changeable");
        Assert.Single((await staff.Get($"/api/stores/{store}/bookings?date={day:yyyy-MM-dd}&status=checked_in")).Json!.AsArray());
    }

    [Fact]
    public async Task A_customer_who_does_not_come_is_marked_a_no_show_once_the_slot_has_begun()
    {
        var store = await _b.Store();
        var service = await _b.Service([store], durationMinutes: 60, capacity: 2);
        var start = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromHours(3));
        var customer = await World.NewCustomer();
        var booking = await BookingWorld.BookPaid(customer, store, service, start);
        var staff = await World.NewStaff(store);
        (await staff.Post($"/api/stores/{store}/bookings/{booking["id"]}/check-in")).Is(HttpStatusCode.Conflict, "booking_check_in_too_early");
        (await staff.Post($"/api/stores/{store}/bookings/{booking["id"]}/no-show")).Is(HttpStatusCode.Conflict, "booking_no_show_too_early");

        // The desk decides with the time it is given; twenty minutes into the slot the customer has not come.
        using var scope = World.App.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
        var late = await desk.MarkNoShowAsync(Guid.Parse(store), Guid.Parse(booking["id"]!.GetValue<string>()), "staff", start.AddMinutes(20), CancellationToken.None);
        Assert.True(late.IsSuccess);
        var seen = (await customer.Api.Get($"/api/bookings/{booking["id"]}")).Is(HttpStatusCode.OK);
        Assert.Equal("no_show", seen.Str("status"));
        Assert.Equal(0, seen.Long("refundedFen"));
        (await customer.Api.Post($"/api/bookings/{booking["id"]}/cancel")).Is(HttpStatusCode.Conflict, "booking_not_changeable");
    }
}

public sealed class BookingTests_Sqlite(SqliteApp app) : BookingTests(app), IClassFixture<SqliteApp>;

public sealed class BookingTests_Postgres(PostgresApp app) : BookingTests(app), IClassFixture<PostgresApp>;
