using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>Staff see a day's bookings of their store, check customers in and mark no-shows; other stores' bookings are not found.</summary>
internal static class StoreBookings
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}/bookings").RequireAuthorization(Policies.StoreOperator).WithTags("Bookings");
        store.MapGet("", List).WithSummary("This store's bookings starting on a local date (default today), by start time, a page at a time (status filter; X-Total-Count)");
        store.MapPost("/{bookingId}/check-in", CheckIn).WithSummary("The customer has arrived: check a confirmed booking in (from an hour before its start until its end)");
        store.MapPost("/{bookingId}/no-show", NoShow).WithSummary("The customer did not come: mark a confirmed booking as a no-show once its slot has begun (the deposit is kept)");
    }

    private static async Task<IResult> List(string storeId, string? date, string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, IStores stores, TimeProvider clock, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return BookingsErrors.StoreNotFound.ToProblem();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var v = new Validation().Page(page, pageSize, 500);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) v.Add("date", "A date as yyyy-MM-dd.");
        if (status is not null && !BookingStatus.All.Contains(status)) v.Add("status", $"Must be one of {string.Join(", ", BookingStatus.All)}.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var from = StartOfDay(day, zone).ToUniversalTime();
        var to = StartOfDay(day.AddDays(1), zone).ToUniversalTime();
        var query = db.Set<Booking>().AsNoTracking().Where(b => b.StoreId == store.Id && b.SlotStart >= from && b.SlotStart < to);
        if (status is not null) query = query.Where(b => b.Status == status);
        var bookings = await Paging.PageAsync(query.OrderBy(b => b.SlotStart).ThenBy(b => b.Id), page, pageSize, http, ct);
        return Results.Ok(await BookingViews.ToResponsesAsync(db, stores, bookings, http.PrefersEnglish(), ct));
    }

    /// <summary>The first instant of a local date (a midnight skipped by a daylight-saving change moves on to the first hour that exists).</summary>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static Task<IResult> CheckIn(string storeId, string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        BookingDesk desk, TimeProvider clock, CancellationToken ct) =>
        AtDeskAsync(storeId, bookingId, principal, http, db, stores, (s, b, staff) => desk.CheckInAsync(s, b, staff, clock.GetUtcNow(), ct), ct);

    private static Task<IResult> NoShow(string storeId, string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        BookingDesk desk, TimeProvider clock, CancellationToken ct) =>
        AtDeskAsync(storeId, bookingId, principal, http, db, stores, (s, b, staff) => desk.MarkNoShowAsync(s, b, staff, clock.GetUtcNow(), ct), ct);

    private static async Task<IResult> AtDeskAsync(string storeId, string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        Func<Guid, Guid, string, Task<Result<Booking>>> act, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var store = await stores.FindOperableAsync(storeId, actor, ct);
        if (store is null) return BookingsErrors.StoreNotFound.ToProblem();
        if (!Guid.TryParse(bookingId, out var id)) return BookingsErrors.BookingNotFound.ToProblem();
        var done = await act(store.Id, id, actor.UserId);
        return done.IsSuccess
            ? Results.Ok((await BookingViews.ToResponsesAsync(db, stores, [done.Value], http.PrefersEnglish(), ct))[0])
            : done.Error!.ToProblem();
    }
}
