using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// What time alone changes: lots past their date expire (oldest first, as they were spent), and members whose spend has left the rolling
/// window move down a tier. Each member is handled under its lock in a transaction of its own, so every node may run this at once.
/// </summary>
internal sealed class LoyaltyMaintenance(O2oDb db, PointsBook book, MemberTierReview tiers, IOptions<LoyaltyOptions> options)
{
    public async Task<(long ExpiredPoints, int TierChanges)> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        long expired = 0;
        var due = await db.Set<PointsLot>().AsNoTracking().Where(l => l.ExpiresAt <= now && l.Remaining > 0).Select(l => l.CustomerId).Distinct().OrderBy(c => c).Take(500).ToListAsync(ct);
        foreach (var customer in due)
            expired += await db.InTransactionAsync(async () =>
            {
                var before = await db.Set<Member>().AsNoTracking().Where(m => m.CustomerId == customer).Select(m => m.Balance).FirstAsync(ct);
                var after = (await book.LockAsync(customer, now, ct)).Balance;
                return before - after;
            }, _ => true, ct);

        var since = now - options.Value.RollingWindow;
        var tiered = await db.Set<Member>().AsNoTracking().Where(m => m.Tier > MemberTiers.Member)
            .Select(m => new
            {
                m.CustomerId, m.Tier,
                Spend = db.Set<SpendRecord>().Where(s => s.CustomerId == m.CustomerId && s.At > since).Sum(s => (long?)s.AmountFen) ?? 0,
            })
            .ToListAsync(ct);
        var changes = 0;
        foreach (var m in tiered.Where(m => options.Value.TierFor(m.Spend).Tier != m.Tier))
        {
            await db.InTransactionAsync(async () =>
            {
                await book.LockAsync(m.CustomerId, now, ct);
                return await tiers.ReviewAsync(m.CustomerId, now, ct);
            }, _ => true, ct);
            changes++;
        }
        return (expired, changes);
    }
}

internal sealed class LoyaltyMaintenanceJob(IServiceScopeFactory scopes, IOptions<LoyaltyOptions> options, TimeProvider clock, ILogger<LoyaltyMaintenanceJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var (expired, changes) = await scope.ServiceProvider.GetRequiredService<LoyaltyMaintenance>().RunAsync(clock.GetUtcNow(), stoppingToken);
                if (expired > 0 || changes > 0) logger.LogInformation("Loyalty: {Points} points expired, {Changes} tiers reviewed down", expired, changes);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Loyalty maintenance failed; it runs again in {Interval}", options.Value.MaintenanceInterval);
            }
        }
    }
}
