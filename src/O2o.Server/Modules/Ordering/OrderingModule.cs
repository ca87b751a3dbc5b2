namespace O2o.Server.Modules.Ordering;

public static class OrderingModule
{
    public static void AddOrdering(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderingOptions>().Bind(builder.Configuration.GetSection("Ordering"))
            .Validate(o => o.PaymentTimeout > TimeSpan.Zero && o.ExpiryScanInterval > TimeSpan.Zero, "Ordering:PaymentTimeout and ExpiryScanInterval must be positive.")
            .Validate(o => o.PickupCodeMaxFailures > 0 && o.PickupCodeFailureWindow > TimeSpan.Zero, "Pickup code limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<OrderWorkflow>();
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<PickupSlotBookings>();
        builder.Services.AddScoped<IOrdering, OrderingFacade>();
        builder.Services.AddScoped<IOrderFigures, OrderFigures>();
        builder.Services.AddScoped<PickupAttempts>();
        builder.Services.AddHostedService<ExpireUnpaidOrdersJob>();
    }

    public static void MapOrdering(this IEndpointRouteBuilder api)
    {
        PlaceOrder.Map(api);
        GetOrders.Map(api);
        CancelOrder.Map(api);
        StoreOrders.Map(api);
        VerifyPickup.Map(api);
        PickupSlotBookings.Map(api);
        PriceCart.Map(api);
        ReviewOrder.Map(api);
    }
}
