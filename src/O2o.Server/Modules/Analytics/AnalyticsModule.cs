using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Analytics;

internal sealed class AnalyticsOptions
{
    /// <summary>How often each node adds its in-memory funnel counts to the database.</summary>
    public TimeSpan FunnelFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The admin dashboard: sales figures asked of Ordering (so they always match the orders), refunds kept from Payments'
/// events, and funnel steps counted in memory and flushed to <c>analytics_funnel_daily</c>.
/// </summary>
public static class AnalyticsModule
{
    public static void AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().Bind(builder.Configuration.GetSection("Analytics"))
            .Validate(o => o.FunnelFlushInterval > TimeSpan.Zero, "Analytics:FunnelFlushInterval must be positive.").ValidateOnStart();
        builder.Services.AddSingleton<FunnelCounter>();
        builder.Services.AddSingleton<IFunnel>(sp => sp.GetRequiredService<FunnelCounter>());
        builder.Services.AddSingleton<FunnelFlushJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FunnelFlushJob>());
        builder.Services.AddScoped<DashboardFigures>();
        builder.Services.AddEventHandler<PaymentRefunded, OnPaymentRefunded>();
    }

    public static void MapAnalytics(this IEndpointRouteBuilder api) => GetDashboard.Map(api);
}
