using O2o.Server.Modules.Counter;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

public static class LoyaltyModule
{
    public static void AddLoyalty(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoyaltyOptions>().Bind(builder.Configuration.GetSection("Loyalty"))
            .PostConfigure(o => { if (o.Tiers.Count == 0) o.Tiers = LoyaltyOptions.DefaultTiers(); })
            .Validate(o => o.Invalid() is null, "Loyalty settings are not valid: rates in range, durations positive, tiers 1, 2, 3… with increasing spend.")
            .ValidateOnStart();
        builder.Services.AddScoped<PointsBook>();
        builder.Services.AddScoped<MemberTierReview>();
        builder.Services.AddScoped<Purchases>();
        builder.Services.AddScoped<LoyaltyFacade>();
        builder.Services.AddScoped<ILoyalty>(sp => sp.GetRequiredService<LoyaltyFacade>());
        builder.Services.AddScoped<LoyaltyMaintenance>();
        builder.Services.AddHostedService<LoyaltyMaintenanceJob>();
        builder.Services.AddEventHandler<OrderCompleted, OnOrderCompleted>();
        builder.Services.AddEventHandler<OrderCancelled, OnOrderCancelled>();
        builder.Services.AddEventHandler<PaymentRefunded, OnPaymentRefunded>();
        builder.Services.AddEventHandler<OrderReviewed, OnOrderReviewed>();
        builder.Services.AddEventHandler<MemberCounterSale, OnMemberCounterSale>();
        builder.Services.AddEventHandler<MemberCounterReturn, OnMemberCounterReturn>();
    }

    public static void MapLoyalty(this IEndpointRouteBuilder api)
    {
        MyMembership.Map(api);
        SignIn.Map(api);
        LoyaltyAdmin.Map(api);
    }
}
