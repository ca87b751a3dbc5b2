using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

public static class InventoryModule
{
    public static void AddInventory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InventoryFacade>();
        builder.Services.AddScoped<IInventory>(sp => sp.GetRequiredService<InventoryFacade>());
        builder.Services.AddEventHandler<LowStockReached, OnLowStockReached>();
    }

    public static void MapInventory(this IEndpointRouteBuilder api)
    {
        StockEndpoints.Map(api);
        StockLedger.Map(api);
        Transfers.Map(api);
        Availability.Map(api);
        StockAlerts.Map(api);
    }
}
