using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

internal static class CatalogPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Product>(e =>
        {
            e.ToTable("catalog_products");
            e.HasKey(p => p.Id);
            e.Property(p => p.Sku).HasMaxLength(64);
            e.Property(p => p.NameZh).HasMaxLength(200);
            e.Property(p => p.NameEn).HasMaxLength(200);
            e.Property(p => p.DescriptionZh).HasMaxLength(2000);
            e.Property(p => p.DescriptionEn).HasMaxLength(2000);
            e.Property(p => p.Category).HasMaxLength(64);
            e.Property(p => p.SearchText).HasMaxLength(500);
            e.Property(p => p.Kind).HasMaxLength(16).HasDefaultValue(ProductKinds.Goods);
            e.Property(p => p.ImageUrls).HasDelimitedConversion('\n', v => v, v => v, 4000);
            e.HasIndex(p => new { p.MerchantId, p.Sku }).IsUnique();
            e.HasIndex(p => p.Category);
        });
        builder.Entity<Category>(e =>
        {
            e.ToTable("catalog_categories");
            e.HasKey(c => c.Slug);
            e.Property(c => c.Slug).HasMaxLength(64);
            e.Property(c => c.NameZh).HasMaxLength(100);
            e.Property(c => c.NameEn).HasMaxLength(100);
        });
    }
}
