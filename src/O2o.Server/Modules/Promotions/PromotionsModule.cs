using O2o.Server.Platform;
using O2o.Server.Modules.Ordering;

namespace O2o.Server.Modules.Promotions;

internal sealed class PromotionsOptions
{
    /// <summary>Flash-sale orders must be paid quickly so that unpaid units return to the sale.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

public static class PromotionsModule
{
    public static void AddPromotions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromotionsOptions>().Bind(builder.Configuration.GetSection("FlashSales"))
            .Validate(o => o.PaymentTimeout > TimeSpan.Zero, "FlashSales:PaymentTimeout must be positive.").ValidateOnStart();
        if (Redis.IsConfigured(builder.Configuration)) builder.Services.AddSingleton<IFlashSaleGate, RedisFlashSaleGate>();
        else builder.Services.AddSingleton<IFlashSaleGate, InProcessFlashSaleGate>();
        builder.Services.AddEventHandler<OrderCancelled, OnFlashSaleOrderCancelled>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<FlashSaleDefinitions>();
        builder.Services.AddSingleton<PromotionCatalog>();
        builder.Services.AddScoped<IPromotions, PromotionsFacade>();
        builder.Services.AddEventHandler<OrderCancelled, OnPromotedOrderCancelled>();
    }

    public static void MapPromotions(this IEndpointRouteBuilder api)
    {
        FlashSaleEndpoints.Map(api);
        PromotionAdminEndpoints.Map(api);
        CouponEndpoints.Map(api);
    }
}
