using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Modules.Analytics;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

internal static class ListProducts
{
    public const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/products", List).AllowAnonymous().WithTags("Browsing")
            .WithSummary("Search the catalogue; with storeId, each item says how many can be promised at that store");
        api.MapGet("/products/{productId}", GetOne).AllowAnonymous().WithTags("Browsing").WithSummary("One product, with availability at a store");
        api.MapGet("/categories", Categories).AllowAnonymous().WithTags("Browsing").WithSummary("Product categories in Chinese and English");
    }

    private static async Task<Results<Ok<ProductPage>, ProblemHttpResult>> List(
        string? storeId, string? q, string? category, int? page, int? pageSize,
        HttpContext http, O2oDb db, IStores stores, IInventory inventory, CancellationToken ct)
    {
        var v = new Validation().Text("q", q, 100, required: false).Text("category", category, 64, required: false)
            .Range("page", page, 1, 100_000, required: false).Range("pageSize", pageSize, 1, MaxPageSize, required: false);
        if (v.Error is not null) return v.Error.ToProblem();
        StoreInfo? store = null;
        if (storeId is not null)
        {
            store = Guid.TryParse(storeId, out var sid) ? await stores.FindAsync(sid, ct) : null;
            if (store is null) return CatalogErrors.StoreNotFound.ToProblem();
        }

        // Vouchers have no shelf stock: they are listed as voucher offers.
        var query = db.Set<Product>().AsNoTracking().Where(p => p.IsActive && p.Kind == ProductKinds.Goods);
        if (store is not null) query = query.Where(p => p.MerchantId == store.MerchantId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.SearchText.Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            var slug = category.Trim().ToLowerInvariant();
            query = query.Where(p => p.Category == slug);
        }

        var pageNo = page ?? 1;
        var size = pageSize ?? 20;
        var total = await query.CountAsync(ct);
        var products = await query.OrderBy(p => p.Category).ThenBy(p => p.Sku).Skip((pageNo - 1) * size).Take(size).ToListAsync(ct);
        var available = store is null ? null : await inventory.GetAvailableAsync(store.Id, products.Select(p => p.Id).ToList(), ct);
        var english = http.PrefersEnglish();
        var items = products.Select(p => new ProductListItem(p.Id.ToString(), p.Sku, p.DisplayName(english), p.NameZh, p.NameEn, p.Category, p.PriceFen,
            p.ImageUrls.FirstOrDefault(), available is null ? null : available.GetValueOrDefault(p.Id))).ToArray();
        return TypedResults.Ok(new ProductPage(items, total, pageNo, size));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetOne(
        string productId, string? storeId, HttpContext http, O2oDb db, IStores stores, IInventory inventory, IFunnel funnel, CancellationToken ct)
    {
        var product = Guid.TryParse(productId, out var id) ? await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.IsActive, ct) : null;
        if (product is null) return CatalogErrors.ProductNotFound.ToProblem();
        if (storeId is null)
        {
            funnel.Count(FunnelSteps.ViewProduct, product.MerchantId, null);
            return TypedResults.Ok(ProductViews.ToResponse(product, http.PrefersEnglish(), null, null));
        }

        var store = Guid.TryParse(storeId, out var sid) ? await stores.FindAsync(sid, ct) : null;
        if (store is null) return CatalogErrors.StoreNotFound.ToProblem();
        funnel.Count(FunnelSteps.ViewProduct, product.MerchantId, store.MerchantId == product.MerchantId ? store.Id : null);
        var available = store.MerchantId == product.MerchantId
            ? (await inventory.GetAvailableAsync(store.Id, [product.Id], ct)).GetValueOrDefault(product.Id)
            : 0;
        return TypedResults.Ok(ProductViews.ToResponse(product, http.PrefersEnglish(), store.Id, available));
    }

    private static async Task<Ok<CategoryResponse[]>> Categories(HttpContext http, O2oDb db, CancellationToken ct)
    {
        var counts = await db.Set<Product>().Where(p => p.IsActive && p.Category != null).GroupBy(p => p.Category!)
            .Select(g => new { Slug = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Slug, x => x.Count, ct);
        var english = http.PrefersEnglish();
        var categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Slug).ToListAsync(ct);
        return TypedResults.Ok(categories.Select(c => new CategoryResponse(c.Slug, english ? c.NameEn : c.NameZh, c.NameZh, c.NameEn, counts.GetValueOrDefault(c.Slug))).ToArray());
    }
}

internal static class ProductViews
{
    public static ProductResponse ToResponse(Product p, bool english, Guid? storeId, int? available) => new(
        p.Id.ToString(), p.MerchantId.ToString(), p.Sku, p.DisplayName(english), p.NameZh, p.NameEn,
        english && p.DescriptionEn is not null ? p.DescriptionEn : p.DescriptionZh, p.DescriptionEn,
        p.Category, p.PriceFen, "CNY", p.ImageUrls.ToArray(), storeId?.ToString(), available, p.Kind);
}
