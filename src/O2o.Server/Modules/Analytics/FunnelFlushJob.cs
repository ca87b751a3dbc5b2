using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Analytics;

/// <summary>
/// Adds this node's funnel counts to <c>analytics_funnel_daily</c> every <see cref="AnalyticsOptions.FunnelFlushInterval"/>,
/// in one transaction (one turn of SQLite's writer), and once more on shutdown. Several nodes add to the same rows:
/// each adds its own increments with a conditional update, so none overwrites another.
/// </summary>
internal sealed class FunnelFlushJob(FunnelCounter counter, IServiceScopeFactory scopes, IOptions<AnalyticsOptions> options, TimeProvider clock,
    ILogger<FunnelFlushJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FunnelFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await FlushAsync(CancellationToken.None);
    }

    internal async Task FlushAsync(CancellationToken ct)
    {
        var counts = counter.Take();
        if (counts.Count == 0) return;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (key, count) in counts)
            {
                var added = await db.Set<FunnelDay>()
                    .Where(f => f.Day == key.Day && f.MerchantId == key.MerchantId && f.StoreId == key.StoreId && f.Step == key.Step)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.Count, f => f.Count + count), ct);
                if (added == 0) db.Add(new FunnelDay { Day = key.Day, MerchantId = key.MerchantId, StoreId = key.StoreId, Step = key.Step, Count = count });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException or System.Data.Common.DbException)
        {
            // Another node created one of the rows first, or the database is away: the counts wait for the next flush.
            counter.Return(counts);
            if (ex is not OperationCanceledException) logger.LogInformation(ex, "Funnel counts kept for the next flush");
        }
    }
}
