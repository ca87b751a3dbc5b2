using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace O2o.Server.Modules.Stores;

internal static class StoresPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Merchant>(e =>
        {
            e.ToTable("stores_merchants");
            e.HasKey(m => m.Id);
            e.Property(m => m.Name).HasMaxLength(100);
        });
        builder.Entity<Store>(e =>
        {
            e.ToTable("stores_stores");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.NameEn).HasMaxLength(100);
            e.Property(s => s.Address).HasMaxLength(300);
            e.Property(s => s.TimeZone).HasMaxLength(64);
            e.Property(s => s.Phone).HasMaxLength(32);
            e.Property(s => s.Services).HasMaxLength(200).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
            e.Property(s => s.OpeningHours).HasMaxLength(2000).HasConversion(
                v => string.Join(';', v.Select(p => p.ToString())),
                v => v.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(OpeningPeriod.Parse).ToList(),
                new ValueComparer<List<OpeningPeriod>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList()));
            e.HasIndex(s => s.MerchantId);
            e.HasIndex(s => new { s.Lat, s.Lng });
        });
    }
}
