using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// Community group buying (社区团购): approved leaders with pickup points, campaigns with a group price, a minimum and a cutoff,
/// customers joining through a leader's share link, one delivery per pickup point when a campaign succeeds, refunds when it fails,
/// and the leaders' commissions.
/// </summary>
public static class GroupBuyingModule
{
    public static void AddGroupBuying(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GroupBuyingOptions>().Bind(builder.Configuration.GetSection("GroupBuying"))
            .Validate(o => o.PaymentTimeout > TimeSpan.Zero && o.CloseInterval > TimeSpan.Zero && o.CodeMaxFailures > 0 && o.CodeFailureWindow > TimeSpan.Zero,
                "GroupBuying:PaymentTimeout, CloseInterval, CodeMaxFailures and CodeFailureWindow must be positive.").ValidateOnStart();
        builder.Services.AddScoped<CampaignClosing>();
        builder.Services.AddHostedService<CloseCampaignsJob>();
        builder.Services.AddEventHandler<OrderCancelled, OnGroupBuyOrderCancelled>();
    }

    public static void MapGroupBuying(this IEndpointRouteBuilder api)
    {
        LeaderApplications.Map(api);
        CampaignEndpoints.Map(api);
        CampaignReport.Map(api);
        JoinCampaign.Map(api);
        GroupBuyDeliveries.Map(api);
        LeaderHandovers.Map(api);
    }
}

internal sealed class GroupBuyingOptions
{
    /// <summary>Time to pay a group-buy order; never beyond the campaign's cutoff.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>How often campaigns past their cutoff are looked for.</summary>
    public TimeSpan CloseInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int CodeMaxFailures { get; set; } = 10;
    public TimeSpan CodeFailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
