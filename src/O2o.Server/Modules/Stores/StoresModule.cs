using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

public static class StoresModule
{
    public static void AddStores(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoresOptions>().Bind(builder.Configuration.GetSection("Stores"))
            .Validate(o => o.DefaultSearchRadiusKm > 0 && o.MaxSearchRadiusKm >= o.DefaultSearchRadiusKm, "Stores search radii must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<IStores, StoresFacade>();
    }

    public static void MapStores(this IEndpointRouteBuilder api)
    {
        ListStores.Map(api);
        CreateStore.Map(api);
        CreateMerchant.Map(api);
        PickupSlotRulesEndpoints.Map(api);
        SpecialDayEndpoints.Map(api);
    }

    /// <summary>The platform's own merchant always exists, so a platform admin can open stores at once.</summary>
    public static async Task EnsurePlatformMerchantAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        if (await db.Set<Merchant>().AnyAsync(m => m.Id == Merchants.PlatformDirectId, ct)) return;
        db.Add(new Merchant { Id = Merchants.PlatformDirectId, Name = "O2O 平台自营 Platform direct", CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another node created it */ }
    }
}
