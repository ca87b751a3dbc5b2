namespace O2o.Server.Modules.Cart;

public static class CartModule
{
    public static void AddCart(this WebApplicationBuilder builder) => builder.Services.AddScoped<ICart, CartFacade>();

    public static void MapCart(this IEndpointRouteBuilder api) => CartEndpoints.Map(api);
}
