using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

internal static class CreateProduct
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/products", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Add a product to the catalogue (one price online and in store)");

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Handle(
        CreateProductRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var v = new Validation()
            .Text("sku", request.Sku, 64).Text("name", request.Name, 200).Text("nameEn", request.NameEn, 200, required: false)
            .Text("description", request.Description, 2000, required: false).Text("descriptionEn", request.DescriptionEn, 2000, required: false)
            .Text("category", request.Category, 64, required: false)
            .Range("priceFen", request.PriceFen, 0, CatalogLimits.MaxPriceFen);
        if (request.Kind is not null && !ProductKinds.All.Contains(request.Kind)) v.Add("kind", $"Must be one of {string.Join(", ", ProductKinds.All)}.");
        if (request.ImageUrls is { Length: > 10 }) v.Add("imageUrls", "At most 10 images.");
        foreach (var url in request.ImageUrls ?? [])
            if (string.IsNullOrWhiteSpace(url) || url.Length > 400 || !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" || url.StartsWith('/')))
                v.Add("imageUrls", "Each image must be an http(s) URL or a path on this server, at most 400 characters.");
        if (v.Error is not null) return v.Error.ToProblem();

        var merchantId = actor.IsPlatformAdmin ? Merchants.PlatformDirectId : actor.MerchantId ?? Guid.Empty;
        if (actor.IsPlatformAdmin && request.MerchantId is not null
            && (!Guid.TryParse(request.MerchantId, out merchantId) || !await stores.MerchantExistsAsync(merchantId, ct)))
            return Error.NotFound("merchant_not_found", "The merchant").ToProblem();
        if (merchantId == Guid.Empty) return Error.Forbidden.ToProblem();

        var sku = request.Sku!.Trim();
        if (await db.Set<Product>().AnyAsync(p => p.MerchantId == merchantId && p.Sku == sku, ct))
            return CatalogErrors.SkuExists.ToProblem();

        var category = request.Category?.Trim().ToLowerInvariant();
        if (category is { Length: > 0 } && !await db.Set<Category>().AnyAsync(c => c.Slug == category, ct))
            db.Add(new Category { Slug = category, NameZh = request.Category!.Trim(), NameEn = request.Category.Trim() });

        var product = new Product
        {
            MerchantId = merchantId,
            Sku = sku,
            NameZh = request.Name!.Trim(),
            NameEn = request.NameEn?.Trim(),
            DescriptionZh = request.Description?.Trim(),
            DescriptionEn = request.DescriptionEn?.Trim(),
            Category = string.IsNullOrEmpty(category) ? null : category,
            PriceFen = request.PriceFen!.Value,
            ImageUrls = request.ImageUrls?.Select(i => i.Trim()).ToList() ?? [],
            Kind = request.Kind ?? ProductKinds.Goods,
            CreatedAt = clock.GetUtcNow(),
        };
        product.RefreshSearchText();
        db.Add(product);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<Product>().AsNoTracking().AnyAsync(p => p.MerchantId == merchantId && p.Sku == sku, ct))
                return CatalogErrors.SkuExists.ToProblem();
            throw;
        }
        return TypedResults.Created($"/api/products/{product.Id}", ProductViews.ToResponse(product, http.PrefersEnglish(), null, null));
    }
}

internal static class CatalogErrors
{
    public static readonly Error SkuExists = Error.Conflict("sku_exists", "A product with this SKU already exists.");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
}
