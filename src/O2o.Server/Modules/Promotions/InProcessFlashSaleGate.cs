using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

internal enum GateAnswer { Taken, SoldOut, LimitExceeded }

/// <summary>
/// The gate in front of a flash sale: units and each customer's share are counted before any database work, so
/// once a sale is sold out (or a customer is at the limit) the stampede gets its 409 without a database write.
/// The database stays the source of truth (its conditional updates decide), so a gate that is wrong in either
/// direction never oversells.
/// </summary>
internal interface IFlashSaleGate
{
    Task<GateAnswer> TryTakeAsync(FlashSale sale, string customerId, int quantity, CancellationToken ct);
    Task GiveBackAsync(Guid saleId, string customerId, int quantity);
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

    public async Task<GateAnswer> TryTakeAsync(FlashSale sale, string customerId, int quantity, CancellationToken ct)
    {
        var counter = _counters.GetOrAdd(sale.Id, _ => new Counter());
        if (counter.Loaded is null || (counter.Remaining < quantity && clock.GetUtcNow() - counter.Loaded > RefreshAfter))
            await RefreshAsync(sale.Id, counter, ct);
        lock (counter)
        {
            var held = counter.Held.GetValueOrDefault(customerId);
            if (held + quantity > sale.PerCustomerLimit) return GateAnswer.LimitExceeded;
            if (counter.Remaining < quantity) return GateAnswer.SoldOut;
            counter.Remaining -= quantity;
            counter.Held[customerId] = held + quantity;
            return GateAnswer.Taken;
        }
    }

    public Task GiveBackAsync(Guid saleId, string customerId, int quantity)
    {
        if (_counters.TryGetValue(saleId, out var counter))
            lock (counter)
            {
                counter.Remaining += quantity;
                counter.Held[customerId] = Math.Max(0, counter.Held.GetValueOrDefault(customerId) - quantity);
            }
        return Task.CompletedTask;
    }

    public Task MarkSoldOutAsync(Guid saleId)
    {
        if (_counters.TryGetValue(saleId, out var counter))
            lock (counter)
            {
                counter.Remaining = 0;
                counter.Loaded = clock.GetUtcNow();
            }
        return Task.CompletedTask;
    }

    private async Task RefreshAsync(Guid saleId, Counter counter, CancellationToken ct)
    {
        await counter.Lock.WaitAsync(ct);
        try
        {
            if (counter.Loaded is not null && clock.GetUtcNow() - counter.Loaded <= RefreshAfter && counter.Remaining > 0) return;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
            var remaining = await db.Set<FlashSale>().AsNoTracking().Where(s => s.Id == saleId).Select(s => s.Remaining).FirstOrDefaultAsync(ct);
            var held = await db.Set<FlashSaleBuyer>().AsNoTracking().Where(b => b.SaleId == saleId && b.Quantity > 0)
                .ToDictionaryAsync(b => b.CustomerId, b => b.Quantity, ct);
            lock (counter)
            {
                counter.Remaining = remaining;
                counter.Held = held;
                counter.Loaded = clock.GetUtcNow();
            }
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
        public Dictionary<string, int> Held = [];
        public DateTimeOffset? Loaded;
        public readonly SemaphoreSlim Lock = new(1, 1);

        public void Dispose() => Lock.Dispose();
    }
}
