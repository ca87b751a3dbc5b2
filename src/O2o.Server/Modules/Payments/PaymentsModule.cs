using O2o.Server.Platform;
using O2o.Server.Modules.Ordering;

namespace O2o.Server.Modules.Payments;

public static class PaymentsModule
{
    public static void AddPayments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentsOptions>().Bind(builder.Configuration.GetSection("Payments"))
            .Validate(o => o.NotificationMaxAge > TimeSpan.Zero, "Payments:NotificationMaxAge must be positive.").ValidateOnStart();
        builder.Services.AddScoped<SandboxGateway>();
        builder.Services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
        builder.Services.AddScoped<PaymentNotifications>();
        builder.Services.AddScoped<SandboxCallback>();
        builder.Services.AddHttpClient(SandboxCallback.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<Refunds>();
        builder.Services.AddEventHandler<OrderCancelled, OnOrderCancelled>();
    }

    public static void MapPayments(this IEndpointRouteBuilder api)
    {
        StartPayment.Map(api);
        SandboxEndpoints.Map(api);
    }
}
