namespace O2o.Server.Modules.Inventory;

public static class InventoryModule
{
    public static void AddInventory(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IInventory, InventoryFacade>();

    public static void MapInventory(this IEndpointRouteBuilder api)
    {
        SetStock.Map(api);
        StockLedger.Map(api);
    }
}
