using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

/// <summary>The demo catalogue: real-looking Shanghai supermarket products with Chinese and English names.</summary>
public static class CatalogDemo
{
    public static async Task<IReadOnlyList<Guid>> SeedAsync(O2oDb db, Guid merchantId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var c in CatalogDemoData.Categories)
            if (await db.Set<Category>().FindAsync([c.Slug], ct) is null)
                db.Add(new Category { Slug = c.Slug, NameZh = c.NameZh, NameEn = c.NameEn });
        var ids = new List<Guid>();
        foreach (var p in CatalogDemoData.Products)
        {
            var product = new Product
            {
                Id = StableId.From($"demo:product:{p.Sku}"),
                MerchantId = merchantId,
                Sku = p.Sku,
                NameZh = p.NameZh,
                NameEn = p.NameEn,
                DescriptionZh = p.DescriptionZh,
                DescriptionEn = p.DescriptionEn,
                Category = p.CategorySlug,
                PriceFen = p.PriceFen,
                ImageUrls = [$"/media/products/{p.Sku}.svg"],
                CreatedAt = now,
            };
            product.RefreshSearchText();
            db.Add(product);
            ids.Add(product.Id);
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>Voucher products (团购券) of the demo chain; their terms are the Vouchers module's demo.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Sku)>> SeedVouchersAsync(O2oDb db, Guid merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var products = CatalogDemoData.Vouchers.Select(v => new Product
        {
            Id = StableId.From($"demo:product:{v.Sku}"), MerchantId = merchantId, Sku = v.Sku, NameZh = v.NameZh, NameEn = v.NameEn,
            DescriptionZh = v.DescriptionZh, DescriptionEn = v.DescriptionEn, Category = v.CategorySlug, PriceFen = v.PriceFen,
            Kind = ProductKinds.Voucher, CreatedAt = now,
        }).ToList();
        foreach (var product in products)
        {
            product.RefreshSearchText();
            db.Add(product);
        }
        await db.SaveChangesAsync(ct);
        return products.Select(p => (p.Id, p.Sku)).ToList();
    }

    /// <summary>Bookable service products of the demo chain; their terms are the Bookings module's demo.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Sku)>> SeedServicesAsync(O2oDb db, Guid merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var products = CatalogDemoData.Services.Select(v => new Product
        {
            Id = StableId.From($"demo:product:{v.Sku}"), MerchantId = merchantId, Sku = v.Sku, NameZh = v.NameZh, NameEn = v.NameEn,
            DescriptionZh = v.DescriptionZh, DescriptionEn = v.DescriptionEn, Category = v.CategorySlug, PriceFen = v.PriceFen,
            Kind = ProductKinds.Service, CreatedAt = now,
        }).ToList();
        foreach (var product in products)
        {
            product.RefreshSearchText();
            db.Add(product);
        }
        await db.SaveChangesAsync(ct);
        return products.Select(p => (p.Id, p.Sku)).ToList();
    }
}
