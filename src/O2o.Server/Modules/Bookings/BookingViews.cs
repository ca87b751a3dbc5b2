using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>Bookings as the API shows them: times on the store's clock, with their reminders.</summary>
internal static class BookingViews
{
    public static async Task<List<BookingResponse>> ToResponsesAsync(O2oDb db, IStores stores, IReadOnlyList<Booking> bookings, bool english, CancellationToken ct)
    {
        var ids = bookings.Select(b => b.Id).ToList();
        var reminders = (await db.Set<BookingReminder>().AsNoTracking().Where(r => ids.Contains(r.BookingId)).ToListAsync(ct))
            .OrderBy(r => r.DueAt).ToLookup(r => r.BookingId);
        var storeInfos = new Dictionary<Guid, StoreInfo?>();
        foreach (var storeId in bookings.Select(b => b.StoreId).Distinct()) storeInfos[storeId] = await stores.FindAsync(storeId, ct);
        return bookings.Select(b =>
        {
            var info = storeInfos[b.StoreId];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(info?.TimeZone ?? "Asia/Shanghai");
            DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone);
            return new BookingResponse(b.Id.ToString(), b.Status, b.ProductId.ToString(), b.DisplayName(english), b.StoreId.ToString(), info?.Name ?? "",
                b.CustomerId, Local(b.SlotStart), Local(b.SlotEnd), b.Quantity, b.PriceFen, b.ChargedFen, Math.Max(0, b.PriceFen - b.ChargedFen),
                b.RefundedFen, b.OrderId.ToString(), Local(b.FreeCancelUntil), Local(b.RescheduleUntil), b.Reschedules, b.CreatedAt, b.ConfirmedAt,
                b.CheckedInAt, b.NoShowAt, b.CancelledAt, b.CancelReason,
                [.. reminders[b.Id].Select(r => new BookingReminderView(r.DueAt, r.SentAt, r.Channel, english ? r.MessageEn : r.MessageZh))]);
        }).ToList();
    }
}
