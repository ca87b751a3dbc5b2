using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Analytics;

/// <summary>One funnel counter: a step on a Beijing day at a merchant and store.</summary>
internal readonly record struct FunnelKey(DateOnly Day, Guid MerchantId, Guid StoreId, string Step);

/// <summary>
/// This node's funnel counts since the last flush: an increment per step, no lock, no database. The flush job takes
/// them out (<see cref="Take"/>) and gives back what it could not write (<see cref="Return"/>).
/// </summary>
internal sealed class FunnelCounter(TimeProvider clock) : IFunnel
{
    private readonly ConcurrentDictionary<FunnelKey, StrongBox<long>> _pending = new();

    public void Count(string step, Guid merchantId, Guid? storeId)
    {
        var key = new FunnelKey(ChinaTime.Today(clock.GetUtcNow()), merchantId, storeId ?? Guid.Empty, step);
        Interlocked.Increment(ref _pending.GetOrAdd(key, _ => new StrongBox<long>()).Value);
    }

    /// <summary>Counts not yet flushed, for a dashboard read on this node.</summary>
    public IEnumerable<(FunnelKey Key, long Count)> Pending() =>
        _pending.Select(p => (p.Key, Interlocked.Read(ref p.Value.Value))).Where(p => p.Item2 > 0);

    public List<(FunnelKey Key, long Count)> Take()
    {
        var taken = new List<(FunnelKey, long)>();
        var today = ChinaTime.Today(clock.GetUtcNow());
        foreach (var (key, box) in _pending)
        {
            var count = Interlocked.Exchange(ref box.Value, 0);
            if (count > 0) taken.Add((key, count));
            else if (key.Day < today) _pending.TryRemove(key, out _); // a past day gets no more counts
        }
        return taken;
    }

    public void Return(IEnumerable<(FunnelKey Key, long Count)> counts)
    {
        foreach (var (key, count) in counts)
            Interlocked.Add(ref _pending.GetOrAdd(key, _ => new StrongBox<long>()).Value, count);
    }
}
