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
}
