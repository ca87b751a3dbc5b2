using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

internal sealed class EngagementOptions
{
    public const string DevelopmentSink = "development";
    public SmsOptions Sms { get; set; } = new();
    public WeChatOptions WeChat { get; set; } = new();
    /// <summary>How often each node looks whether today's re-evaluation of time-dependent segments is due (it runs once a day).</summary>
    public TimeSpan SegmentRefreshCheckInterval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How often each node looks for automatic campaigns whose scene holds now.</summary>
    public TimeSpan SceneCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal sealed class SmsOptions
    {
        /// <summary>Only <c>development</c> exists: messages are kept in engagement_outbound and logged, never sent.</summary>
        public string Sink { get; set; } = DevelopmentSink;
        public string Signature { get; set; } = "O2O";
    }

    internal sealed class WeChatOptions
    {
        public string Sink { get; set; } = DevelopmentSink;
        public string TemplateId { get; set; } = "dev-campaign-notice";
    }
}

/// <summary>Customer segments over features kept from events, campaigns with a control group and their uplift, and the in-app inbox.</summary>
public static class EngagementModule
{
    public static void AddEngagement(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngagementOptions>().Bind(builder.Configuration.GetSection("Engagement"))
            .Validate(o => o.Sms.Sink == EngagementOptions.DevelopmentSink && o.WeChat.Sink == EngagementOptions.DevelopmentSink,
                "Engagement:Sms:Sink and Engagement:WeChat:Sink: only 'development' exists (messages are kept, never sent).")
            .Validate(o => o.Sms.Signature.Trim().Length is >= 2 and <= 12, "Engagement:Sms:Signature must have 2 to 12 characters.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.WeChat.TemplateId) && o.WeChat.TemplateId.Length <= 64, "Engagement:WeChat:TemplateId is required (at most 64 characters).")
            .Validate(o => o.SegmentRefreshCheckInterval > TimeSpan.Zero, "Engagement:SegmentRefreshCheckInterval must be positive.")
            .Validate(o => o.SceneCheckInterval >= TimeSpan.FromSeconds(1), "Engagement:SceneCheckInterval must be at least a second.")
            .ValidateOnStart();
        var services = builder.Services;
        services.AddScoped<IEngagement, EngagementFacade>();
        services.AddScoped<SegmentEvaluator>();
        services.AddScoped<CustomerFeaturesUpdater>();
        services.AddScoped<DevelopmentSink>();
        services.AddScoped<IMessageChannel, InboxChannel>();
        services.AddScoped<IMessageChannel, SmsChannel>();
        services.AddScoped<IMessageChannel, WeChatTemplateChannel>();
        services.AddScoped<CampaignLauncher>();
        services.AddScoped<CampaignReports>();
        services.AddScoped<CampaignScheduler>();
        services.AddEventHandler<PaymentSucceeded, OnPaymentSucceeded>();
        services.AddEventHandler<PaymentRefunded, OnPaymentRefunded>();
        services.AddEventHandler<CustomerProfileChanged, OnCustomerProfileChanged>();
        services.AddEventHandler<MemberTierChanged, OnMemberTierChanged>();
        services.AddHostedService<SegmentRefreshJob>();
        services.AddHostedService<CampaignSchedulerJob>();
    }

    public static void MapEngagement(this IEndpointRouteBuilder api)
    {
        SegmentEndpoints.Map(api);
        CampaignEndpoints.Map(api);
        InboxEndpoints.Map(api);
        ListOutbound.Map(api);
        WeatherEndpoints.Map(api);
    }
}
