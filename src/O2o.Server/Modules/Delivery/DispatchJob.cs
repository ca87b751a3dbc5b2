using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>Wakes the dispatch job before its next tick: an order arrived, a rider declined or went off shift.</summary>
internal sealed class DispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _poked = new(0, 1);

    public void Dispose() => _poked.Dispose();

    public void Poke()
    {
        if (_poked.CurrentCount == 0)
            try { _poked.Release(); }
            catch (SemaphoreFullException) { /* already poked */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _poked.WaitAsync(timeout, ct);
}

/// <summary>
/// Plans a dispatch round every <c>Delivery:DispatchInterval</c>, or sooner when poked, on the one node holding the
/// dispatch lease (taken over when its holder stops renewing it); and deletes kept positions past their retention.
/// </summary>
internal sealed class DispatchJob(IServiceScopeFactory scopes, DispatchSignal signal, IOptions<DeliveryOptions> options, TimeProvider clock,
    ILogger<DispatchJob> logger) : BackgroundService
{
    private const string LeaseName = "dispatch";
    private readonly string _holder = $"{Environment.ProcessId}:{Guid.NewGuid():N}";
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DispatchInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(interval, stoppingToken);
                // Let a burst of arrivals land before planning once for all of them.
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
                if (!await HoldLeaseAsync(db, stoppingToken)) continue;
                await scope.ServiceProvider.GetRequiredService<DispatchRound>().RunAsync(stoppingToken);
                await PurgePositionsAsync(db, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                logger.LogError(ex, "Dispatch round failed; planning again in {Interval}", interval);
            }
        }
    }

    private async Task<bool> HoldLeaseAsync(O2oDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.DispatchInterval * 4;
        var renewed = await db.Set<DispatchLease>().Where(l => l.Name == LeaseName && (l.Holder == _holder || l.Until < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _holder).SetProperty(l => l.Until, until), ct);
        if (renewed > 0) return true;
        if (await db.Set<DispatchLease>().AnyAsync(l => l.Name == LeaseName, ct)) return false;
        try
        {
            db.Add(new DispatchLease { Name = LeaseName, Holder = _holder, Until = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node created it first
        }
        finally { db.ChangeTracker.Clear(); }
    }

    private async Task PurgePositionsAsync(O2oDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromMinutes(5)) return;
        _lastPurge = now;
        var before = now - options.Value.PositionRetention;
        var deleted = await db.Set<RiderPosition>().Where(p => p.At < before).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} rider positions older than {Retention} (privacy)", deleted, options.Value.PositionRetention);
    }
}
