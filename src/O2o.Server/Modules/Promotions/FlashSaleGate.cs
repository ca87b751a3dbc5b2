using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The in-process gate in front of a flash sale: units are counted down in memory, so once a sale is sold out the
/// stampede gets its 409 without a database write. The database stays the source of truth (its conditional update
/// decides); a gate that thinks it is empty looks at the database again at most once a second, to see units that
/// came back from expired orders, here or on another node.
/// </summary>
internal sealed class FlashSaleGate(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
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

    public void GiveBack(Guid saleId, int quantity)
    {
        if (_counters.TryGetValue(saleId, out var counter)) Interlocked.Add(ref counter.Remaining, quantity);
    }

    /// <summary>The database said sold out: believe it until the next refresh.</summary>
    public void MarkSoldOut(Guid saleId)
    {
        if (!_counters.TryGetValue(saleId, out var counter)) return;
        Volatile.Write(ref counter.Remaining, 0);
        counter.Loaded = clock.GetUtcNow();
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
