using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// The customer cancels a booking before it starts. Unpaid: its order is cancelled and the places given back. Paid: the places
/// are given back and the money refunded through the original payment as the policy says (all of it until the free-cancel
/// deadline, then the late share).
/// </summary>
internal static class CancelBooking
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bookings/{bookingId}/cancel", Handle).RequireAuthorization(Policies.Customer).WithTags("Bookings")
            .WithSummary("Cancel my booking before it starts: the places go back, and a paid booking is refunded as its policy says");

    private static async Task<IResult> Handle(string bookingId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, IOrdering ordering,
        SlotPlaces places, EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var booking = await CustomerBookings.FindOwnAsync(bookingId, principal, db, ct);
        if (booking is null) return BookingsErrors.BookingNotFound.ToProblem();
        if (!BookingStatus.Open.Contains(booking.Status)) return BookingsErrors.NotChangeable(booking.Status).ToProblem();
        var now = clock.GetUtcNow();
        if (now >= booking.SlotStart) return BookingsErrors.Started.ToProblem();

        const string reason = "cancelled by the customer 顾客取消";
        if (booking.Status == BookingStatus.PendingPayment)
        {
            // The order first: once it is cancelled nobody can pay it, and its event finds the booking already closed.
            if (await ordering.CancelUnpaidAsync(booking.OrderId, reason, ct) is not null) return BookingsErrors.Changed.ToProblem();
            await db.InTransactionAsync(() => CloseUnpaidAsync(db, places, booking, BookingStatus.Cancelled, reason, now, ct), _ => true, ct);
        }
        else
        {
            var refund = booking.RefundOnCancelAt(now);
            var refundId = Guid.CreateVersion7();
            var cancelled = await db.InTransactionAsync(async () =>
            {
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
            if (!cancelled) return BookingsErrors.Changed.ToProblem();
        }
        var fresh = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == booking.Id, ct);
        return Results.Ok((await BookingViews.ToResponsesAsync(db, stores, [fresh], http.PrefersEnglish(), ct))[0]);
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
}
