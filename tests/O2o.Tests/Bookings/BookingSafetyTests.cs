using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Bookings;

/// <summary>Bad input gets problem details with stable codes and writes nothing; each role sees and does only its own.</summary>
public abstract class BookingSafetyTests(AppFixture fixture)
{
    private readonly BookingWorld _b = new(new World(fixture));
    private World World => _b.World;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Full_past_and_made_up_slots_are_refused_and_nothing_is_written()
    {
        var (store, elsewhere) = (await _b.Store(), await _b.Store());
        var service = await _b.Service([store], capacity: 2, maxDaysAhead: 14);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);
        var yesterday = (await _b.Slots(store, service, today.AddDays(-1)))[12]!;
        Assert.False(yesterday["available"]!.GetValue<bool>());
        var tomorrow = (await _b.Slots(store, service, today.AddDays(1)))[12]!["start"]!.GetValue<DateTimeOffset>();
        var customer = await World.NewCustomer();
        var api = customer.Api;

        (await BookingWorld.Book(api, store, service, yesterday["start"]!.GetValue<DateTimeOffset>())).Is(HttpStatusCode.UnprocessableEntity, "booking_slot_past");
        (await BookingWorld.Book(api, store, service, tomorrow.AddMinutes(10))).Is(HttpStatusCode.UnprocessableEntity, "booking_slot_unavailable");
        (await BookingWorld.Book(api, store, service, tomorrow.AddDays(20))).Is(HttpStatusCode.UnprocessableEntity, "booking_slot_too_far");
        (await BookingWorld.Book(api, store, service, tomorrow, quantity: 3)).Is(HttpStatusCode.Conflict, "booking_slot_full");
        (await BookingWorld.Book(api, store, service, tomorrow, quantity: 0)).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await BookingWorld.Book(api, elsewhere, service, tomorrow)).Is(HttpStatusCode.UnprocessableEntity, "service_not_offered_here");
        (await BookingWorld.Book(api, store, Guid.NewGuid().ToString(), tomorrow)).Is(HttpStatusCode.NotFound, "service_not_found");
        (await BookingWorld.Book(api, store, await World.NewProduct(), tomorrow)).Is(HttpStatusCode.NotFound, "service_not_found");
        (await api.Post("/api/bookings", new { productId = service, storeId = store })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await World.PlaceOrder(api, store, service, 1)).Is(HttpStatusCode.UnprocessableEntity, "wrong_product_kind");
        Assert.Empty((await api.Get("/api/orders")).Json!.AsArray());
        Assert.Empty((await api.Get("/api/bookings")).Json!.AsArray());
        Assert.Equal(0, (await _b.Slots(store, service, today.AddDays(1)))[12]!["taken"]!.GetValue<int>());
        (await World.Anonymous().Get($"/api/stores/{store}/services/{service}/slots?date=tomorrow")).Is(HttpStatusCode.BadRequest, "validation_failed");

        var admin = await World.Admin();
        (await admin.Put($"/api/admin/products/{await World.NewProduct()}/service-terms", new { durationMinutes = 60, capacity = 1, storeIds = new[] { store } }))
            .Is(HttpStatusCode.UnprocessableEntity, "not_a_service_product");
        (await admin.Put($"/api/admin/products/{service}/service-terms", new { durationMinutes = 2, capacity = 0, storeIds = Array.Empty<string>() }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Each_role_sees_and_changes_only_what_is_its_own()
    {
        var (store, other) = (await _b.Store(), await _b.Store());
        var service = await _b.Service([store, other], capacity: 5);
        var start = await _b.NextSlot(store, service, Shanghai, TimeSpan.FromHours(26));
        var customer = await World.NewCustomer();
        var booking = (await BookingWorld.Book(customer.Api, store, service, start)).Is(HttpStatusCode.Created);
        var id = booking.Str("id");
        var (staff, otherStaff) = (await World.NewStaff(store), await World.NewStaff(other));
        var stranger = await World.NewCustomer();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Shanghai).DateTime).ToString("yyyy-MM-dd");

        (await World.Anonymous().Post("/api/bookings", new { productId = service, storeId = store, start })).Is(HttpStatusCode.Unauthorized);
        (await staff.Post("/api/bookings", new { productId = service, storeId = store, start })).Is(HttpStatusCode.Forbidden);
        (await stranger.Api.Get($"/api/bookings/{id}")).Is(HttpStatusCode.NotFound, "booking_not_found");
        (await stranger.Api.Post($"/api/bookings/{id}/cancel")).Is(HttpStatusCode.NotFound, "booking_not_found");
        (await stranger.Api.Post($"/api/bookings/{id}/reschedule", new { start })).Is(HttpStatusCode.NotFound, "booking_not_found");
        Assert.Empty((await stranger.Api.Get("/api/bookings")).Json!.AsArray());

        (await customer.Api.Get($"/api/stores/{store}/bookings?date={day}")).Is(HttpStatusCode.Forbidden);
        (await otherStaff.Get($"/api/stores/{store}/bookings?date={day}")).Is(HttpStatusCode.NotFound, "store_not_found");
        (await otherStaff.Post($"/api/stores/{other}/bookings/{id}/check-in")).Is(HttpStatusCode.NotFound, "booking_not_found");
        (await otherStaff.Post($"/api/stores/{store}/bookings/{id}/no-show")).Is(HttpStatusCode.NotFound, "store_not_found");
        Assert.Empty((await otherStaff.Get($"/api/stores/{other}/bookings?date={day}")).Is(HttpStatusCode.OK).Json!.AsArray());
        Assert.Single((await staff.Get($"/api/stores/{store}/bookings?date={day}")).Is(HttpStatusCode.OK).Json!.AsArray());
        Assert.Single((await (await World.Admin()).Get($"/api/stores/{store}/bookings?date={day}")).Is(HttpStatusCode.OK).Json!.AsArray());

        (await customer.Api.Put($"/api/admin/products/{service}/service-terms", new { durationMinutes = 30, capacity = 1, storeIds = new[] { store } }))
            .Is(HttpStatusCode.Forbidden);
        (await staff.Put($"/api/admin/products/{service}/service-terms", new { durationMinutes = 30, capacity = 1, storeIds = new[] { store } }))
            .Is(HttpStatusCode.Forbidden);
        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/bookings/{id}")).Is(HttpStatusCode.OK).Str("status"));
    }
}

public sealed class BookingSafetyTests_Sqlite(SqliteApp app) : BookingSafetyTests(app), IClassFixture<SqliteApp>;

public sealed class BookingSafetyTests_Postgres(PostgresApp app) : BookingSafetyTests(app), IClassFixture<PostgresApp>;
