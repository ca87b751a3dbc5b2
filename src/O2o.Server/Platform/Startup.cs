using Microsoft.Extensions.Options;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Stores;

namespace O2o.Server.Platform;

/// <summary>What must be true before the first request: schema, secrets, roles, the first admin, the demo world.</summary>
public static class Startup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("O2o.Startup");
        var ct = app.Lifetime.ApplicationStopping;
        var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        logger.LogInformation("O2O Commerce starting on {Provider}", provider);
        await Database.RunExclusivelyAsync(app.Services, async () =>
        {
            await Database.MigrateAsync(app.Services, logger, ct);
            await app.Services.GetRequiredService<PlatformSecrets>().LoadAsync(app.Services, ct);
            await AccountsModule.EnsureRolesAndAdminAsync(app.Services, app.Configuration, logger, ct);
            await StoresModule.EnsurePlatformMerchantAsync(app.Services, ct);
            var seed = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed ?? provider == DatabaseOptions.Sqlite;
            if (seed) await DemoWorld.SeedIfEmptyAsync(app.Services, logger, ct);
        }, ct);
    }
}
