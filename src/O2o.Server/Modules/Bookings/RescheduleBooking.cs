using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// The customer moves a booking to another slot of the same service and store, until the reschedule deadline of its policy.
/// The new places are taken before the old ones are given back, in one transaction, so a full slot leaves the booking where it was.
/// </summary>
internal static class RescheduleBooking
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bookings/{bookingId}/reschedule", Handle).RequireAuthorization(Policies.Customer).WithTags("Bookings")
            .WithSummary("Move my booking to another slot of the same service and store, until its reschedule deadline");

    private static async Task<IResult> Handle(string bookingId, RescheduleBookingRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db,
        IStores stores, ICatalog catalog, SlotPlaces places, BookingReminders reminders, TimeProvider clock, CancellationToken ct)
    {
        if (request.Start is null) return Error.Validation("start", "Required: the start of the new slot.").ToProblem();
        var booking = await CustomerBookings.FindOwnAsync(bookingId, principal, db, ct);
        if (booking is null) return BookingsErrors.BookingNotFound.ToProblem();
        if (!BookingStatus.Open.Contains(booking.Status)) return BookingsErrors.NotChangeable(booking.Status).ToProblem();
        var now = clock.GetUtcNow();
        if (now >= booking.SlotStart) return BookingsErrors.Started.ToProblem();
        if (now > booking.RescheduleUntil)
            return (BookingsErrors.RescheduleClosed with { Extensions = new Dictionary<string, object?> { ["rescheduleUntil"] = booking.RescheduleUntil } }).ToProblem();

        var found = await ListServiceSlots.ServiceAtAsync(booking.StoreId.ToString(), booking.ProductId.ToString(), db, stores, catalog, ct);
        if (!found.IsSuccess) return found.Error!.ToProblem();
        var (terms, store) = found.Value;
        var slot = await places.CheckAsync(terms, store, request.Start.Value, now, ct);
        if (!slot.IsSuccess) return slot.Error!.ToProblem();

        if (slot.Value.Start != booking.SlotStart)
        {
            var moved = await db.InTransactionAsync<Error?>(async () =>
            {
                if (!await places.TakeAsync(booking.ProductId, booking.StoreId, slot.Value.Start, booking.Quantity, terms.Capacity, ct)) return BookingsErrors.SlotFull;
                var open = BookingStatus.Open;
                var updated = await db.Set<Booking>().Where(b => b.Id == booking.Id && open.Contains(b.Status) && b.SlotStart == booking.SlotStart)
                    .ExecuteUpdateAsync(u => u.SetProperty(b => b.SlotStart, slot.Value.Start).SetProperty(b => b.SlotEnd, slot.Value.End)
                        .SetProperty(b => b.Reschedules, b => b.Reschedules + 1), ct);
                if (updated == 0) return BookingsErrors.Changed;
                await places.GiveBackAsync(booking, ct);
                // Read again in this transaction: a payment confirmed meanwhile must get its reminder for the new time.
                var current = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == booking.Id, ct);
                await BookingReminders.DropUnsentAsync(db, booking.Id, ct);
                if (current.Status == BookingStatus.Confirmed) await reminders.ScheduleAsync(current, now, ct);
                await db.SaveChangesAsync(ct);
                return null;
            }, e => e is null, ct);
            if (moved is not null) return moved.ToProblem();
        }
        var fresh = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == booking.Id, ct);
        return Results.Ok((await BookingViews.ToResponsesAsync(db, stores, [fresh], http.PrefersEnglish(), ct))[0]);
    }
}
