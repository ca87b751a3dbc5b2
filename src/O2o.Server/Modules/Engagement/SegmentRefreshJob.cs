using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// Days pass without events: once a Beijing day, purchases that fell out of the 365-day window update their customers' features, and
/// segments whose rules depend on time (recency, inactivity, age, 365-day figures) are evaluated again. Every node checks; a conditional
/// update of <c>engagement_job_runs</c> lets exactly one take the day, and the work itself is idempotent.
/// </summary>
internal sealed class SegmentRefreshJob(IServiceScopeFactory scopes, IOptions<EngagementOptions> options, TimeProvider clock, ILogger<SegmentRefreshJob> logger)
    : BackgroundService
{
    private const string JobName = "segments";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SegmentRefreshCheckInterval, clock);
        do
        {
            try { await RunIfDueAsync(clock.GetUtcNow(), stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The daily segment refresh failed; it is tried again at the next check");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes the Beijing day of <paramref name="now"/> if no node has yet, and does its work; false when there was nothing to do.</summary>
    internal async Task<bool> RunIfDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        var today = ChinaTime.Today(now);
        var last = await db.Set<JobRun>().AsNoTracking().Where(j => j.Name == JobName).Select(j => (DateOnly?)j.Day).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            // The first day ever: the features were all computed from events just now, so there is nothing to catch up.
            db.Add(new JobRun { Name = JobName, Day = today });
            try { await db.SaveChangesAsync(ct); } catch (DbUpdateException) { /* another node took it */ }
            return false;
        }
        if (last >= today) return false;
        var taken = await db.Set<JobRun>().Where(j => j.Name == JobName && j.Day == last).ExecuteUpdateAsync(u => u.SetProperty(j => j.Day, today), ct);
        if (taken == 0) return false;

        var leftWindowFrom = ChinaTime.StartOf(last.Value).AddDays(-CustomerFeaturesUpdater.WindowDays - 1).ToUniversalTime();
        var leftWindowTo = now.AddDays(-CustomerFeaturesUpdater.WindowDays);
        var customers = await db.Set<Purchase>().AsNoTracking().Where(p => p.PaidAt > leftWindowFrom && p.PaidAt <= leftWindowTo)
            .Select(p => p.CustomerId).Distinct().ToListAsync(ct);
        foreach (var customer in customers)
        {
            using var customerScope = scopes.CreateScope();
            await customerScope.ServiceProvider.GetRequiredService<CustomerFeaturesUpdater>().UpdateAsync(customer, null, ct, now);
        }
        var evaluator = scope.ServiceProvider.GetRequiredService<SegmentEvaluator>();
        var segments = await db.Set<Segment>().ToListAsync(ct);
        foreach (var segment in segments.Where(s => SegmentRule.FromJson(s.Rule).IsTimeDependent))
            await evaluator.EvaluateSegmentAsync(segment, now, ct);
        logger.LogInformation("Refreshed {Customers} customers' 365-day figures and {Segments} time-dependent segments for {Day}",
            customers.Count, segments.Count(s => SegmentRule.FromJson(s.Rule).IsTimeDependent), today);
        return true;
    }
}
