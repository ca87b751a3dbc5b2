using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

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
            e.Property(s => s.Services).HasDelimitedConversion(',', v => v, v => v, 200);
            e.Property(s => s.OpeningHours).HasDelimitedConversion(';', p => p.ToString(), OpeningPeriod.Parse, 2000);
            e.HasIndex(s => s.MerchantId);
            e.HasIndex(s => new { s.Lat, s.Lng });
        });
        builder.Entity<SpecialDay>(e =>
        {
            e.ToTable("stores_special_days");
            e.HasKey(s => new { s.StoreId, s.Date });
            e.Property(s => s.Note).HasMaxLength(200);
        });
    }
}
