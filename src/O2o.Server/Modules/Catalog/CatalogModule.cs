namespace O2o.Server.Modules.Catalog;

public static class CatalogModule
{
    public static void AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICatalog, CatalogFacade>();
        builder.Services.AddOptions<StorefrontOptions>().Bind(builder.Configuration.GetSection("Storefront"))
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Storefront:PublicBaseUrl must be an absolute http(s) URL.").ValidateOnStart();
    }

    public static void MapCatalog(this IEndpointRouteBuilder api)
    {
        ListProducts.Map(api);
        ShelfQr.Map(api);
        CreateProduct.Map(api);
    }

    /// <summary>Product picture tiles, outside <c>/api</c> so pages can link them directly.</summary>
    public static void MapCatalogMedia(this IEndpointRouteBuilder app) => ProductImages.Map(app);
}
