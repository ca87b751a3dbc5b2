using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

internal static class BookingsPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ServiceTerms>(e =>
        {
            e.ToTable("bookings_service_terms");
            e.HasKey(t => t.ProductId);
            e.Property(t => t.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 8000);
        });
        builder.Entity<Booking>(e =>
        {
            e.ToTable("bookings_bookings");
            e.HasKey(b => b.Id);
            e.Property(b => b.CustomerId).HasMaxLength(64);
            e.Property(b => b.NameZh).HasMaxLength(200);
            e.Property(b => b.NameEn).HasMaxLength(200);
            e.Property(b => b.Status).HasMaxLength(16);
            e.Property(b => b.CheckedInBy).HasMaxLength(64);
            e.Property(b => b.NoShowBy).HasMaxLength(64);
            e.Property(b => b.CancelReason).HasMaxLength(200);
            e.HasIndex(b => b.OrderId).IsUnique();
            e.HasIndex(b => b.CustomerId);
            e.HasIndex(b => new { b.StoreId, b.SlotStart });
        });
        builder.Entity<BookingSlotCount>(e =>
        {
            e.ToTable("bookings_slot_counts");
            e.HasKey(c => new { c.ProductId, c.StoreId, c.SlotStartMs });
        });
        builder.Entity<BookingReminder>(e =>
        {
            e.ToTable("bookings_reminders");
            e.HasKey(r => r.Id);
            e.Property(r => r.CustomerId).HasMaxLength(64);
            e.Property(r => r.Channel).HasMaxLength(16);
            e.Property(r => r.MessageZh).HasMaxLength(300);
            e.Property(r => r.MessageEn).HasMaxLength(300);
            e.HasIndex(r => r.BookingId);
            e.HasIndex(r => new { r.SentAt, r.DueAt });
        });
    }
}
