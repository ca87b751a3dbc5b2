using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

internal static class DeliveryPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Rider>(e =>
        {
            e.ToTable("delivery_riders");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.UserId).IsUnique();
            e.Property(r => r.UserId).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.Phone).HasMaxLength(32);
            e.Property(r => r.VehicleType).HasMaxLength(16);
            e.Property(r => r.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 8000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.Vehicle);
        });
        builder.Entity<RiderPosition>(e =>
        {
            e.ToTable("delivery_rider_positions");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.RiderId, p.At });
            e.HasIndex(p => p.At);
        });
        builder.Entity<DeliveryJob>(e =>
        {
            e.ToTable("delivery_jobs");
            e.HasKey(j => j.Id);
            e.HasIndex(j => j.OrderId).IsUnique();
            e.HasIndex(j => new { j.Status, j.StoreId });
            e.HasIndex(j => new { j.RiderId, j.Status });
            e.HasIndex(j => new { j.StoreId, j.DeliveredAt });
            e.Property(j => j.CustomerId).HasMaxLength(64);
            e.Property(j => j.AddressLine).HasMaxLength(300);
            e.Property(j => j.Speed).HasMaxLength(16);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.HandoverCode).HasMaxLength(8);
            e.Property(j => j.ProofKind).HasMaxLength(16);
            e.Property(j => j.ProofReference).HasMaxLength(300);
            e.Property(j => j.VehicleType).HasMaxLength(16);
            e.Property(j => j.CancelReason).HasMaxLength(200);
            e.Property(j => j.DeclinedBy).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 8000);
            e.Property(j => j.Version).IsConcurrencyToken();
            e.Ignore(j => j.OnTime);
        });
        builder.Entity<DeliveryZone>(e =>
        {
            e.ToTable("delivery_zones");
            e.HasKey(z => z.StoreId);
            e.Property(z => z.GeoJson).HasMaxLength(200_000);
        });
        builder.Entity<DispatchLease>(e =>
        {
            e.ToTable("delivery_dispatch_leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(32);
            e.Property(l => l.Holder).HasMaxLength(64);
        });
    }
}
