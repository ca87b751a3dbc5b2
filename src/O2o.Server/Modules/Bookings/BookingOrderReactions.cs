using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>A booking's order was paid: the booking is confirmed and its reminder scheduled, once however often the event comes.</summary>
internal sealed class ConfirmPaidBooking(O2oDb db, BookingReminders reminders, ILogger<ConfirmPaidBooking> logger) : IEventHandler<BookingOrderPaid>
{
    public async Task HandleAsync(BookingOrderPaid e, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            var confirmed = await db.Set<Booking>().Where(b => b.OrderId == e.OrderId && b.Status == BookingStatus.PendingPayment)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Confirmed).SetProperty(b => b.ConfirmedAt, e.PaidAt), ct);
            if (confirmed == 0) return false;
            var booking = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.OrderId == e.OrderId, ct);
            await reminders.ScheduleAsync(booking, e.PaidAt, ct);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Booking {BookingId} confirmed by the payment of order {OrderId}", booking.Id, e.OrderId);
            return true;
        }, _ => true, ct);
    }
}

/// <summary>
/// A booking's order was cancelled while unpaid (the payment timeout, or the customer through the orders API): the booking
/// closes and gives its places back. When the booking was cancelled first, there is nothing left to do.
/// </summary>
internal sealed class CloseBookingOfCancelledOrder(O2oDb db, SlotPlaces places, TimeProvider clock) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        if (e.Source != BookService.Source || e.WasPaid) return;
        var booking = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.OrderId == e.OrderId, ct);
        if (booking is null) return;
        var status = e.Reason == "payment_timeout" ? BookingStatus.Expired : BookingStatus.Cancelled;
        await db.InTransactionAsync(() => CancelBooking.CloseUnpaidAsync(db, places, booking, status, e.Reason, clock.GetUtcNow(), ct), _ => true, ct);
    }
}
