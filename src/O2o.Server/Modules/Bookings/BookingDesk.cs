using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// The store's front desk: checking a customer in (from <see cref="BookingsOptions.CheckInEarly"/> before the start until the slot
/// ends) and marking a no-show (once the slot has begun plus <see cref="BookingsOptions.NoShowGrace"/>; the deposit is kept).
/// Each is a conditional update on a confirmed booking, so two tills cannot do both.
/// </summary>
internal sealed class BookingDesk(O2oDb db, IOptions<BookingsOptions> options)
{
    public async Task<Result<Booking>> CheckInAsync(Guid storeId, Guid bookingId, string staffId, DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime();
        var booking = await FindAsync(storeId, bookingId, ct);
        if (booking is null) return BookingsErrors.BookingNotFound;
        if (Unconfirmed(booking) is { } error) return error;
        if (now < booking.SlotStart - options.Value.CheckInEarly) return BookingsErrors.CheckInTooEarly;
        if (now >= booking.SlotEnd) return BookingsErrors.CheckInClosed;
        return await MoveAsync(booking, b => b.SetProperty(x => x.Status, BookingStatus.CheckedIn).SetProperty(x => x.CheckedInAt, now)
            .SetProperty(x => x.CheckedInBy, staffId), ct);
    }

    public async Task<Result<Booking>> MarkNoShowAsync(Guid storeId, Guid bookingId, string staffId, DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime();
        var booking = await FindAsync(storeId, bookingId, ct);
        if (booking is null) return BookingsErrors.BookingNotFound;
        if (Unconfirmed(booking) is { } error) return error;
        if (now < booking.SlotStart + options.Value.NoShowGrace) return BookingsErrors.NoShowTooEarly;
        return await MoveAsync(booking, b => b.SetProperty(x => x.Status, BookingStatus.NoShow).SetProperty(x => x.NoShowAt, now)
            .SetProperty(x => x.NoShowBy, staffId), ct);
    }

    private Task<Booking?> FindAsync(Guid storeId, Guid bookingId, CancellationToken ct) =>
        db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.StoreId == storeId, ct);

    private static Error? Unconfirmed(Booking booking) => booking.Status switch
    {
        BookingStatus.Confirmed => null,
        BookingStatus.PendingPayment => BookingsErrors.NotPaid,
        _ => BookingsErrors.NotChangeable(booking.Status),
    };

    private async Task<Result<Booking>> MoveAsync(Booking booking, Action<UpdateSettersBuilder<Booking>> set, CancellationToken ct)
    {
        var moved = await db.Set<Booking>().Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed).ExecuteUpdateAsync(set, ct);
        if (moved == 0) return BookingsErrors.Changed;
        await BookingReminders.DropUnsentAsync(db, booking.Id, ct);
        return await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == booking.Id, ct);
    }
}
