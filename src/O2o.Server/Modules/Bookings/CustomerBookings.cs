using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>A customer's own bookings; anybody else's are not found.</summary>
internal static class CustomerBookings
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/bookings").RequireAuthorization(Policies.Customer).WithTags("Bookings");
        mine.MapGet("", List).WithSummary("My bookings, newest first, a page at a time (status filter; X-Total-Count)");
        mine.MapGet("/{bookingId}", Get).WithSummary("One of my bookings, with its policy deadlines and reminders");
    }

    private static async Task<IResult> List(string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, 200);
        if (status is not null && !BookingStatus.All.Contains(status)) v.Add("status", $"Must be one of {string.Join(", ", BookingStatus.All)}.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var customer = Actor.From(principal).UserId;
        var query = db.Set<Booking>().AsNoTracking().Where(b => b.CustomerId == customer);
        if (status is not null) query = query.Where(b => b.Status == status);
        var bookings = await Paging.PageAsync(query.OrderByDescending(b => b.Id), page, pageSize, http, ct);
        return Results.Ok(await BookingViews.ToResponsesAsync(db, stores, bookings, http.PrefersEnglish(), ct));
    }

    private static async Task<IResult> Get(string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        var booking = await FindOwnAsync(bookingId, principal, db, ct);
        if (booking is null) return BookingsErrors.BookingNotFound.ToProblem();
        return Results.Ok((await BookingViews.ToResponsesAsync(db, stores, [booking], http.PrefersEnglish(), ct))[0]);
    }

    public static async Task<Booking?> FindOwnAsync(string bookingId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        return Guid.TryParse(bookingId, out var id)
            ? await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.CustomerId == customer, ct)
            : null;
    }
}
