using Microsoft.Extensions.Options;
using O2o.Server.Platform;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments.Alipay;
using O2o.Server.Modules.Payments.Simulators;
using O2o.Server.Modules.Payments.UnionPay;
using O2o.Server.Modules.Payments.WeChatPay;

namespace O2o.Server.Modules.Payments;

public static class PaymentsModule
{
    public static void AddPayments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentsOptions>().Bind(builder.Configuration.GetSection("Payments"))
            .Validate(o => o.NotificationMaxAge > TimeSpan.Zero, "Payments:NotificationMaxAge must be positive.")
            .Validate(o => o.QueryPendingAfter > TimeSpan.Zero && o.RecoveryInterval > TimeSpan.Zero, "Payments:QueryPendingAfter and RecoveryInterval must be positive.")
            .Validate(o => !o.WeChatPay.Enabled || o.WeChatPay.IsConfigured,
                "Payments:WeChatPay is enabled but incomplete: AppId, MchId, MerchantSerialNo, MerchantPrivateKey, ApiV3Key (32 characters), PlatformPublicKeyId and PlatformPublicKey are required.")
            .Validate(o => !o.Alipay.Enabled || o.Alipay.IsConfigured,
                "Payments:Alipay is enabled but incomplete: AppId, SellerId, AppPrivateKey and AlipayPublicKey are required.")
            .Validate(o => !o.UnionPay.Enabled || o.UnionPay.IsConfigured,
                "Payments:UnionPay is enabled but incomplete: MerId, SignCertId, MerchantPrivateKey, RootCertificate and MiddleCertificate are required.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SimulatorKeys>();
        builder.Services.AddSingleton<IPostConfigureOptions<PaymentsOptions>>(sp => sp.GetRequiredService<SimulatorKeys>());
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddHttpClient(PublicAddress.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        builder.Services.AddScoped<SandboxGateway>();
        builder.Services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
        builder.Services.AddSingleton<WeChatPayKeys>();
        builder.Services.AddScoped<WeChatPayClient>();
        builder.Services.AddScoped<WeChatPayGateway>();
        builder.Services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<WeChatPayGateway>());
        builder.Services.AddSingleton<WeChatPaySimulator>();
        builder.Services.AddSingleton<AlipayKeys>();
        builder.Services.AddScoped<AlipayClient>();
        builder.Services.AddScoped<AlipayGateway>();
        builder.Services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<AlipayGateway>());
        builder.Services.AddSingleton<AlipaySimulator>();
        builder.Services.AddScoped<IBillSource, WeChatPayBills>();
        builder.Services.AddScoped<IBillSource, AlipayBills>();
        builder.Services.AddScoped<IBillSource, UnionPayBills>();
        builder.Services.AddScoped<IPaymentBills, PaymentBills>();
        builder.Services.AddSingleton<UnionPayTrust>();
        builder.Services.AddScoped<UnionPayClient>();
        builder.Services.AddScoped<UnionPayGateway>();
        builder.Services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<UnionPayGateway>());
        builder.Services.AddSingleton<UnionPaySimulator>();
        builder.Services.AddSingleton<SimulatorDelivery>();

        builder.Services.AddScoped<PaymentNotifications>();
        builder.Services.AddScoped<SandboxCallback>();
        builder.Services.AddHttpClient(SandboxCallback.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<Refunds>();
        builder.Services.AddScoped<PaymentRecovery>();
        builder.Services.AddHostedService<PaymentRecoveryJob>();
        builder.Services.AddEventHandler<OrderCancelled, OnOrderCancelled>();
        builder.Services.AddEventHandler<RefundRequested, OnRefundRequested>();
    }

    public static void MapPayments(this IEndpointRouteBuilder api)
    {
        StartPayment.Map(api);
        SandboxEndpoints.Map(api);
        ReceiveNotification.Map(api);
        AdminPayments.Map(api);
        ListNotifications.Map(api);
    }

    /// <summary>The local gateway simulators, at /simulators/… beside /api; each answers only when its gateway is configured as Simulated.</summary>
    public static void MapPaymentSimulators(this IEndpointRouteBuilder app)
    {
        WeChatPaySimulatorEndpoints.Map(app);
        AlipaySimulatorEndpoints.Map(app);
        UnionPaySimulatorEndpoints.Map(app);
    }
}
