using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// Cancelling a booking before it is over. Unpaid: its order is cancelled and the places given back. Paid: the places are given
/// back and money refunded through the original payment: by the customer before the start, as the policy says (all of it until
/// the free-cancel deadline, then the late share); by the store (it cannot serve the slot), all of it.
/// </summary>
internal static class CancelBooking
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/bookings/{bookingId}/cancel", ByCustomer).RequireAuthorization(Policies.Customer).WithTags("Bookings")
            .WithSummary("Cancel my booking before it starts: the places go back, and a paid booking is refunded as its policy says");
        api.MapPost("/stores/{storeId}/bookings/{bookingId}/cancel", ByStore).RequireAuthorization(Policies.StoreOperator).WithTags("Bookings")
            .WithSummary("The store cannot serve a booking (until its slot ends): the places go back and a paid booking is refunded in full");
    }

    private static async Task<IResult> ByCustomer(string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, IOrdering ordering,
        SlotPlaces places, EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var booking = await CustomerBookings.FindOwnAsync(bookingId, principal, db, ct);
        if (booking is null) return BookingsErrors.BookingNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (BookingStatus.Open.Contains(booking.Status) && now >= booking.SlotStart) return BookingsErrors.Started.ToProblem();
        var error = await CancelAsync(db, ordering, places, events, booking, booking.RefundOnCancelAt(now), "cancelled by the customer 顾客取消", now, ct);
        return error is null ? await ViewAsync(db, stores, booking.Id, http, ct) : error.ToProblem();
    }

    private static async Task<IResult> ByStore(string storeId, string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        IOrdering ordering, SlotPlaces places, EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return BookingsErrors.StoreNotFound.ToProblem();
        var booking = Guid.TryParse(bookingId, out var id)
            ? await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.StoreId == store.Id, ct)
            : null;
        if (booking is null) return BookingsErrors.BookingNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (BookingStatus.Open.Contains(booking.Status) && now >= booking.SlotEnd) return BookingsErrors.Started.ToProblem();
        var refund = booking.Status == BookingStatus.Confirmed ? booking.ChargedFen : 0;
        var error = await CancelAsync(db, ordering, places, events, booking, refund, "cancelled by the store 门店取消", now, ct);
        return error is null ? await ViewAsync(db, stores, booking.Id, http, ct) : error.ToProblem();
    }

    private static async Task<Error?> CancelAsync(O2oDb db, IOrdering ordering, SlotPlaces places, EventBus events, Booking booking, long refund, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!BookingStatus.Open.Contains(booking.Status)) return BookingsErrors.NotChangeable(booking.Status);
        if (booking.Status == BookingStatus.PendingPayment)
        {
            // The order first: once it is cancelled nobody can pay it, and its event finds the booking already closed.
            if (await ordering.CancelUnpaidAsync(booking.OrderId, reason, ct) is not null) return BookingsErrors.Changed;
            await db.InTransactionAsync(() => CloseUnpaidAsync(db, places, booking, BookingStatus.Cancelled, reason, now, ct), _ => true, ct);
            return null;
        }
        var refundId = Guid.CreateVersion7();
        var cancelled = await db.InTransactionAsync(async () =>
        {
            // Only as it was read: a reschedule meanwhile changes what the policy gives back.
            var closed = await db.Set<Booking>()
                .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed && b.SlotStart == booking.SlotStart)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.RefundedFen, refund)
                    .SetProperty(b => b.RefundId, refundId).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.CancelReason, reason), ct);
            if (closed == 0) return false;
            await places.GiveBackAsync(booking, ct);
            await BookingReminders.DropUnsentAsync(db, booking.Id, ct);
            if (refund > 0) events.Publish(new RefundRequested(refundId, booking.OrderId, refund, $"{reason} {booking.Id}", BookService.Source));
            await db.SaveChangesAsync(ct);
            return true;
        }, done => done, ct);
        return cancelled ? null : BookingsErrors.Changed;
    }

    /// <summary>Closes a booking still waiting for payment and gives its places back, once (the customer and the payment timeout may race).</summary>
    public static async Task<bool> CloseUnpaidAsync(O2oDb db, SlotPlaces places, Booking booking, string status, string reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var closed = await db.Set<Booking>().Where(b => b.Id == booking.Id && b.Status == BookingStatus.PendingPayment)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, status).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.CancelReason, reason), ct);
        if (closed == 0) return false;
        // The booking may have been moved since it was read: give back the places where it is now.
        var current = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == booking.Id, ct);
        await places.GiveBackAsync(current, ct);
        return true;
    }

    private static async Task<IResult> ViewAsync(O2oDb db, IStores stores, Guid bookingId, HttpContext http, CancellationToken ct)
    {
        var fresh = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == bookingId, ct);
        return Results.Ok((await BookingViews.ToResponsesAsync(db, stores, [fresh], http.PrefersEnglish(), ct))[0]);
    }
}
