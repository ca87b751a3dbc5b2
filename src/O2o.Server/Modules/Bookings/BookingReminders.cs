using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// Reminders of confirmed bookings: one is scheduled <see cref="BookingsOptions.ReminderLead"/> before the start (at once when
/// that has passed) and sent once when due: kept in the customer's booking (the in-app inbox) and written to the log, the
/// outward channel until an SMS or push gateway is configured. Claimed by a conditional update, so several nodes send it once.
/// </summary>
internal sealed class BookingReminders(O2oDb db, IStores stores, IOptions<BookingsOptions> options, ILogger<BookingReminders> logger)
{
    private const int Batch = 100;

    public async Task ScheduleAsync(Booking booking, DateTimeOffset now, CancellationToken ct)
    {
        var store = await stores.FindAsync(booking.StoreId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store?.TimeZone ?? "Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(booking.SlotStart, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var due = booking.SlotStart - options.Value.ReminderLead;
        db.Add(new BookingReminder
        {
            BookingId = booking.Id, CustomerId = booking.CustomerId, DueAt = (due < now ? now : due).ToUniversalTime(),
            MessageZh = $"预约提醒：{booking.NameZh} × {booking.Quantity}，{local} 开始，地点：{store?.Name}。",
            MessageEn = $"Reminder: {booking.DisplayName(english: true)} × {booking.Quantity} starts {local} at {store?.Name}.",
        });
    }

    public static Task<int> DropUnsentAsync(O2oDb db, Guid bookingId, CancellationToken ct) =>
        db.Set<BookingReminder>().Where(r => r.BookingId == bookingId && r.SentAt == null).ExecuteDeleteAsync(ct);

    /// <summary>Sends the reminders due at <paramref name="now"/> of bookings still confirmed and not yet begun; the number sent.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime();
        var due = await db.Set<BookingReminder>().AsNoTracking().Where(r => r.SentAt == null && r.DueAt <= now).OrderBy(r => r.DueAt).Take(Batch).ToListAsync(ct);
        var ids = due.Select(r => r.BookingId).Distinct().ToList();
        var bookings = await db.Set<Booking>().AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var sent = 0;
        foreach (var reminder in due)
        {
            var booking = bookings.GetValueOrDefault(reminder.BookingId);
            if (booking is null || booking.Status != BookingStatus.Confirmed || booking.SlotStart <= now)
            {
                // Too late to remind of anything: the booking began, or was closed since.
                await db.Set<BookingReminder>().Where(r => r.Id == reminder.Id && r.SentAt == null).ExecuteDeleteAsync(ct);
                continue;
            }
            if (await db.Set<BookingReminder>().Where(r => r.Id == reminder.Id && r.SentAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.SentAt, now), ct) == 0) continue;
            logger.LogInformation("Booking reminder to customer {CustomerId} for booking {BookingId}: {Message}", reminder.CustomerId, reminder.BookingId, reminder.MessageZh);
            sent++;
        }
        return sent;
    }
}

internal sealed class BookingReminderJob(IServiceScopeFactory scopes, IOptions<BookingsOptions> options, TimeProvider clock, ILogger<BookingReminderJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<BookingReminders>().SendDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending booking reminders failed; it runs again in {Interval}", options.Value.ReminderInterval);
            }
        }
    }
}
