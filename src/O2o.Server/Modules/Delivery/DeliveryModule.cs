using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// Same-city delivery: zones and promises at checkout, riders (people and robots) on shifts, dispatch rounds planned by
/// the routing solver, live tracking, proof of delivery, and a distance / CO₂ / on-time report.
/// </summary>
public static class DeliveryModule
{
    public static void AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection("Delivery"))
            .Validate(o => o.BaseFeeFen >= 0 && o.PerKmFeeFen >= 0, "Delivery fees cannot be negative.")
            .Validate(o => o.NoRushFeePercent is >= 0 and <= 100, "Delivery:NoRushFeePercent is a percentage.")
            .Validate(o => o.NoRushWindow >= TimeSpan.FromMinutes(30) && TimeSpan.FromDays(1).Ticks % o.NoRushWindow.Ticks == 0,
                "Delivery:NoRushWindow must divide a day and be at least 30 minutes.")
            .Validate(o => o.DispatchInterval > TimeSpan.Zero && o.PlanningTimeLimit > TimeSpan.Zero && o.OfferTimeout > TimeSpan.Zero
                && o.PositionMinInterval >= TimeSpan.Zero && o.PositionRetention > TimeSpan.Zero && o.DefaultShift > TimeSpan.Zero,
                "Delivery intervals must be positive.")
            .Validate(o => o.DetourFactor >= 1 && o.MaxPlausibleSpeedKmh > 0 && o.ZoneMarginKm >= 0, "Delivery:DetourFactor ≥ 1, speeds and margins positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<IDeliveryQuotes, DeliveryQuoter>();
        builder.Services.AddScoped<RiderDesk>();
        builder.Services.AddScoped<DispatchRound>();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddHostedService<DispatchJob>();
        builder.Services.AddEventHandler<DeliveryOrderPaid, OnDeliveryOrderPaid>();
        builder.Services.AddOptions<DemoRiderOptions>().Bind(builder.Configuration.GetSection("Demo"))
            .Validate(o => o.RiderSpeedup is > 0 and <= 5, "Demo:RiderSpeedup must be in (0, 5] (faster looks like a GPS jump).").ValidateOnStart();
        var demo = builder.Configuration.GetSection("Demo");
        var simulate = demo.GetValue<bool?>("SimulateRiders") ?? demo.GetValue<bool?>("Seed")
            ?? string.Equals(builder.Configuration["Database:Provider"] ?? DatabaseOptions.Sqlite, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase);
        if (simulate) builder.Services.AddHostedService<DemoRiderSimulator>();
        builder.Services.AddEventHandler<OrderCancelled, OnDeliveryOrderCancelled>();
        builder.Services.AddEventHandler<DeliveryHandledByStore, OnDeliveryHandledByStore>();
    }

    public static void MapDelivery(this IEndpointRouteBuilder api)
    {
        QuoteDelivery.Map(api);
        ZoneEndpoints.Map(api);
        RiderAdmin.Map(api);
        RiderEndpoints.Map(api);
        TrackDelivery.Map(api);
        DeliveryReport.Map(api);
    }

    public static void MapDeliveryHubs(this IEndpointRouteBuilder app) => app.MapHub<RidersHub>(RidersHub.Path);
}
