using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The gate in front of a flash sale: units are counted down before any database work, so once a sale is sold out
/// the stampede gets its 409 without a database write. The database stays the source of truth (its conditional
/// update decides), so a gate that is wrong in either direction never oversells.
/// </summary>
internal interface IFlashSaleGate
{
    Task<bool> TryTakeAsync(Guid saleId, int quantity, CancellationToken ct);
    Task GiveBackAsync(Guid saleId, int quantity);
    /// <summary>The database said sold out: believe it until the gate next looks at the database.</summary>
    Task MarkSoldOutAsync(Guid saleId);
}

/// <summary>
/// The gate of a single node, in memory. A gate that thinks it is empty looks at the database again at most once
/// a second, to see units that came back from expired orders.
/// </summary>
internal sealed class InProcessFlashSaleGate(IServiceScopeFactory scopes, TimeProvider clock) : IFlashSaleGate, IDisposable
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<Guid, Counter> _counters = new();

    public async Task<bool> TryTakeAsync(Guid saleId, int quantity, CancellationToken ct)
    {
        var counter = _counters.GetOrAdd(saleId, _ => new Counter());
        if (counter.Loaded is null || (Volatile.Read(ref counter.Remaining) < quantity && clock.GetUtcNow() - counter.Loaded > RefreshAfter))
            await RefreshAsync(saleId, counter, ct);
        while (true)
        {
            var current = Volatile.Read(ref counter.Remaining);
            if (current < quantity) return false;
            if (Interlocked.CompareExchange(ref counter.Remaining, current - quantity, current) == current) return true;
        }
    }

    public Task GiveBackAsync(Guid saleId, int quantity)
    {
        if (_counters.TryGetValue(saleId, out var counter)) Interlocked.Add(ref counter.Remaining, quantity);
        return Task.CompletedTask;
    }

    public Task MarkSoldOutAsync(Guid saleId)
    {
        if (_counters.TryGetValue(saleId, out var counter))
        {
            Volatile.Write(ref counter.Remaining, 0);
            counter.Loaded = clock.GetUtcNow();
        }
        return Task.CompletedTask;
    }

    private async Task RefreshAsync(Guid saleId, Counter counter, CancellationToken ct)
    {
        await counter.Lock.WaitAsync(ct);
        try
        {
            if (counter.Loaded is not null && clock.GetUtcNow() - counter.Loaded <= RefreshAfter && Volatile.Read(ref counter.Remaining) > 0) return;
            using var scope = scopes.CreateScope();
            var remaining = await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<FlashSale>().AsNoTracking()
                .Where(s => s.Id == saleId).Select(s => s.Remaining).FirstOrDefaultAsync(ct);
            Volatile.Write(ref counter.Remaining, remaining);
            counter.Loaded = clock.GetUtcNow();
        }
        finally
        {
            counter.Lock.Release();
        }
    }

    public void Dispose()
    {
        foreach (var counter in _counters.Values) counter.Dispose();
    }

    private sealed class Counter : IDisposable
    {
        public int Remaining;
        public DateTimeOffset? Loaded;
        public readonly SemaphoreSlim Lock = new(1, 1);

        public void Dispose() => Lock.Dispose();
    }
}
