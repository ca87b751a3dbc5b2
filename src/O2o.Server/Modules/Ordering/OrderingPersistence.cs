using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Ordering;

/// <summary>A pickup code in use: unique per store while its order is open, so the counter finds exactly one order.</summary>
internal sealed class ActivePickupCode
{
    public Guid StoreId { get; init; }
    public required string Code { get; init; }
    public Guid OrderId { get; init; }
}

/// <summary>A wrong pickup code entered at a store.</summary>
internal sealed class PickupFailure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public DateTimeOffset At { get; init; }
}

internal static class OrderingPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Order>(e =>
        {
            e.ToTable("ordering_orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.CustomerId).HasMaxLength(64);
            e.Property(o => o.FulfillmentType).HasMaxLength(16);
            e.Property(o => o.Status).HasMaxLength(32);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.PickupCode).HasMaxLength(6);
            e.Property(o => o.CancelReason).HasMaxLength(200);
            e.Property(o => o.Source).HasMaxLength(64);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.OwnsOne(o => o.DeliveryAddress, a =>
            {
                a.Property(x => x.Line).HasMaxLength(300);
                a.Property(x => x.ContactName).HasMaxLength(100);
                a.Property(x => x.ContactPhone).HasMaxLength(32);
            });
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
            e.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId);
            // Not auto-included: a third collection would multiply every order read; one order's view loads them itself.
            e.HasMany(o => o.Discounts).WithOne().HasForeignKey(d => d.OrderId);
            e.Navigation(o => o.Lines).AutoInclude();
            e.Navigation(o => o.Timeline).AutoInclude();
            e.HasIndex(o => new { o.CustomerId, o.CreatedAt });
            e.HasIndex(o => new { o.StoreId, o.Status, o.CreatedAt });
            e.HasIndex(o => new { o.Status, o.PaymentDeadline });
        });
        builder.Entity<OrderLine>(e =>
        {
            e.ToTable("ordering_order_lines");
            e.HasKey(l => new { l.OrderId, l.ProductId });
            e.Property(l => l.Sku).HasMaxLength(64);
            e.Property(l => l.NameZh).HasMaxLength(200);
            e.Property(l => l.NameEn).HasMaxLength(200);
            e.Ignore(l => l.LineTotalFen);
        });
        builder.Entity<OrderDiscount>(e =>
        {
            e.ToTable("ordering_order_discounts", t => t.HasCheckConstraint("ck_ordering_order_discounts_amount", "amount_fen >= 0"));
            e.HasKey(d => d.Id);
            e.Property(d => d.Target).HasMaxLength(16);
            e.Property(d => d.Kind).HasMaxLength(32);
            e.Property(d => d.NameZh).HasMaxLength(100);
            e.Property(d => d.NameEn).HasMaxLength(100);
            e.HasIndex(d => d.OrderId);
        });
        builder.Entity<OrderReview>(e =>
        {
            e.ToTable("ordering_reviews", t => t.HasCheckConstraint("ck_ordering_reviews_rating", "rating BETWEEN 1 AND 5"));
            e.HasKey(r => r.OrderId);
            e.Property(r => r.CustomerId).HasMaxLength(64);
            e.Property(r => r.Comment).HasMaxLength(ReviewOrder.MaxComment);
            e.HasIndex(r => new { r.StoreId, r.At });
        });
        builder.Entity<OrderTimelineEntry>(e =>
        {
            e.ToTable("ordering_order_timeline");
            e.HasKey(t => t.Id);
            e.Property(t => t.Status).HasMaxLength(32);
            e.Property(t => t.Note).HasMaxLength(200);
        });
        builder.Entity<PickupFailure>(e =>
        {
            e.ToTable("ordering_pickup_failures");
            e.HasKey(f => f.Id);
            e.HasIndex(f => new { f.StoreId, f.At });
        });
        builder.Entity<PickupSlotCount>(e =>
        {
            e.ToTable("ordering_pickup_slot_counts");
            e.HasKey(c => new { c.StoreId, c.SlotStartMs });
        });
        builder.Entity<ActivePickupCode>(e =>
        {
            e.ToTable("ordering_pickup_codes");
            e.HasKey(c => new { c.StoreId, c.Code });
            e.Property(c => c.Code).HasMaxLength(6);
            e.HasIndex(c => c.OrderId).IsUnique();
        });
    }
}
