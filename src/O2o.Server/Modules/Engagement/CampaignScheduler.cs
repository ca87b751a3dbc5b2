using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// Launches automatic campaigns when their scene holds within their window, and lapses those whose window passed without it. Launching
/// claims the campaign by a conditional update, so every node may run this at once and each campaign is still sent once.
/// </summary>
internal sealed class CampaignScheduler(O2oDb db, CampaignLauncher launcher, IStores stores, ILogger<CampaignScheduler> logger)
{
    public async Task<(int Launched, int Lapsed)> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime(); // PostgreSQL keeps instants in UTC
        var lapsed = await db.Set<Campaign>()
            .Where(c => c.Status == CampaignStatus.Draft && c.AutoLaunch && c.LaunchUntil <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Lapsed), ct);
        var due = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Draft && c.AutoLaunch && c.LaunchFrom <= now && c.LaunchUntil > now)
            .OrderBy(c => c.LaunchFrom).Take(50).ToListAsync(ct);
        var launched = 0;
        foreach (var campaign in due)
        {
            var (holds, cities) = await CampaignScenes.NowAsync(campaign, now, db, stores, ct);
            if (!holds) continue;
            var result = await launcher.LaunchAsync(campaign, ct, cities);
            if (result.IsSuccess)
            {
                launched++;
                logger.LogInformation("Campaign {CampaignId} ({Scene} {Parameter}) launched by its scene: {Treatment} treated, {Control} held out",
                    campaign.Id, campaign.Scene, campaign.SceneParameter, result.Value.TreatmentSize, result.Value.ControlSize);
            }
            // Nobody to send to yet (an empty segment, or nobody in the rainy cities): it waits for the next time the scene holds.
            else if (result.Error != EngagementErrors.SegmentEmpty && result.Error != EngagementErrors.AlreadyLaunched)
                logger.LogWarning("Campaign {CampaignId} could not launch: {Code}", campaign.Id, result.Error!.Code);
        }
        return (launched, lapsed);
    }
}

internal sealed class CampaignSchedulerJob(IServiceScopeFactory scopes, IOptions<EngagementOptions> options, TimeProvider clock, ILogger<CampaignSchedulerJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SceneCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var (launched, lapsed) = await scope.ServiceProvider.GetRequiredService<CampaignScheduler>().RunAsync(clock.GetUtcNow(), stoppingToken);
                if (lapsed > 0) logger.LogInformation("{Lapsed} automatic campaigns lapsed: their scene did not come in their window", lapsed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Campaign scheduling failed; it runs again in {Interval}", options.Value.SceneCheckInterval);
            }
        }
    }
}
