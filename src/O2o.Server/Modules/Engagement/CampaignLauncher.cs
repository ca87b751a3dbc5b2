using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Promotions;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// Launches a campaign once, all or nothing: the segment's members now are split by <see cref="Campaign.IsControl"/>; the treatment group
/// gets the coupon and the message on each channel (each keyed by campaign, customer and channel); the control group gets nothing.
/// </summary>
internal sealed class CampaignLauncher(O2oDb db, IEnumerable<IMessageChannel> channels, IPromotions promotions, IAccounts accounts, TimeProvider clock,
    ILogger<CampaignLauncher> logger)
{
    /// <summary><paramref name="cities"/>: only the segment's members who live there (a weather scene); null for all of them.</summary>
    public async Task<Result<MarketingCampaignLaunchResponse>> LaunchAsync(Campaign campaign, CancellationToken ct, IReadOnlyCollection<string>? cities = null)
    {
        if (campaign.Status == CampaignStatus.Lapsed) return EngagementErrors.Lapsed;
        if (campaign.Status != CampaignStatus.Draft) return EngagementErrors.AlreadyLaunched;
        var query = db.Set<SegmentMember>().AsNoTracking().Where(m => m.SegmentId == campaign.SegmentId);
        if (cities is not null)
            query = query.Where(m => db.Set<CustomerFeatures>().Any(f => f.CustomerId == m.CustomerId && f.City != null && cities.Contains(f.City)));
        var members = await query.OrderBy(m => m.CustomerId).Select(m => m.CustomerId).ToListAsync(ct);
        if (members.Count == 0) return EngagementErrors.SegmentEmpty;
        var control = members.Where(c => Campaign.IsControl(campaign.Id, c, campaign.ControlPercent)).ToHashSet();
        var treatment = members.Where(c => !control.Contains(c)).ToList();
        var now = clock.GetUtcNow();

        return await db.InTransactionAsync(async () =>
        {
            // Only one launch moves the campaign out of draft; a second one (or a race) changes nothing.
            var claimed = await db.Set<Campaign>().Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Launched).SetProperty(c => c.LaunchedAt, now)
                    .SetProperty(c => c.Targeted, members.Count).SetProperty(c => c.ControlSize, control.Count), ct);
            if (claimed == 0) return (Result<MarketingCampaignLaunchResponse>)EngagementErrors.AlreadyLaunched;
            db.AddRange(members.Select(c => new CampaignTarget { CampaignId = campaign.Id, CustomerId = c, InControl = control.Contains(c) }));

            var coupons = 0;
            if (campaign.CouponPromotionId is { } promotionId && treatment.Count > 0)
            {
                var issued = await promotions.IssueCouponsAsync(promotionId, treatment, ct);
                if (!issued.IsSuccess) return issued.Error!;
                coupons = issued.Value.Count;
            }
            var messages = await SendAsync(campaign, treatment, now, ct);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Campaign {CampaignId} launched: {Treatment} treated, {Control} held out, {Messages} messages, {Coupons} coupons",
                campaign.Id, treatment.Count, control.Count, messages, coupons);
            return new MarketingCampaignLaunchResponse(campaign.Id.ToString(), members.Count, treatment.Count, control.Count, messages, coupons);
        }, r => r.IsSuccess, ct);
    }

    private async Task<int> SendAsync(Campaign campaign, IReadOnlyList<string> treatment, DateTimeOffset now, CancellationToken ct)
    {
        var used = channels.Where(c => campaign.Channels.Contains(c.Name)).ToList();
        var phones = used.Any(c => c.Name == Channels.Sms)
            ? (await accounts.ProfilesAsync(treatment, ct)).ToDictionary(p => p.CustomerId, p => p.Phone)
            : new Dictionary<string, string?>();
        var link = campaign.CouponPromotionId is null ? "/" : "/me/coupons";
        var sent = 0;
        foreach (var customer in treatment)
            foreach (var channel in used)
            {
                var message = new ChannelMessage(customer, phones.GetValueOrDefault(customer), campaign.TitleZh, campaign.TitleEn, campaign.BodyZh, campaign.BodyEn,
                    link, $"campaign:{campaign.Id:N}:{customer}:{channel.Name}");
                var delivered = await channel.SendAsync(message, ct);
                db.Add(new CampaignDelivery { CampaignId = campaign.Id, CustomerId = customer, Channel = channel.Name, Sent = delivered, At = now });
                if (delivered) sent++;
            }
        return sent;
    }
}
