using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
    /// <summary>
    /// The breakdown's JSON: camelCase names (which the migration that moved the old rows into it writes too), empty values left out,
    /// since every discounted order carries one.
    /// </summary>
    private static readonly JsonSerializerOptions BreakdownJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
            e.Property(o => o.Discounts).HasColumnName("breakdown").HasConversion(
                v => JsonSerializer.Serialize(v, BreakdownJson),
                json => JsonSerializer.Deserialize<List<OrderDiscount>>(json, BreakdownJson) ?? new List<OrderDiscount>(),
                // Written once at checkout and never changed in place: a new list is a change, the same list is not.
                new ValueComparer<IReadOnlyList<OrderDiscount>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
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
