namespace O2o.Server.Modules.Catalog;

public static class CatalogModule
{
    public static void AddCatalog(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<ICatalog, CatalogFacade>();

    public static void MapCatalog(this IEndpointRouteBuilder api)
    {
        ListProducts.Map(api);
        CreateProduct.Map(api);
    }

    /// <summary>Product picture tiles, outside <c>/api</c> so pages can link them directly.</summary>
    public static void MapCatalogMedia(this IEndpointRouteBuilder app) => ProductImages.Map(app);
}
