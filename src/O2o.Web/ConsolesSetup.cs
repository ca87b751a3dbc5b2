using Microsoft.Extensions.DependencyInjection;
using O2o.Web.Api;
using Radzen;
using O2o.Web.Texts;

namespace O2o.Web;

public static class ConsolesSetup
{
    /// <summary>
    /// The consoles' services. <paramref name="apiBaseAddress"/> is where the consoles reach this server's own HTTP API;
    /// the host supplies it (its own listening address), and the host registers the <see cref="Live.IOrderFeed"/>.
    /// </summary>
    public static IServiceCollection AddO2oConsoles(this IServiceCollection services, Func<IServiceProvider, Uri> apiBaseAddress)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddHttpClient(ConsoleApi.ClientName, (sp, client) =>
        {
            client.BaseAddress = apiBaseAddress(sp);
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddScoped<Ui>();
        services.AddScoped<ApiSession>();
        services.AddScoped<SessionStore>();
        services.AddScoped<ConsoleApi>();
        services.AddScoped<StoreDirectory>();
        services.AddScoped<Shop.ShopState>();
        services.AddScoped<StoreConsole.StoreConsoleState>();
        return services;
    }
}
