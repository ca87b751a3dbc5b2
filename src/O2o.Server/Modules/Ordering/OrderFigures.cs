using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>Dashboard figures read from the orders themselves, so they can never disagree with them.</summary>
internal sealed class OrderFigures(O2oDb db) : IOrderFigures
{
    public async Task<IReadOnlyList<PaidSales>> PaidSalesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct) =>
        await Paid(from, to, storeIds).GroupBy(o => new { o.StoreId, o.FulfillmentType })
            .Select(g => new PaidSales(g.Key.StoreId, g.Key.FulfillmentType, g.Count(), g.Sum(o => o.TotalFen)))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<DateTimeOffset>> PaidTimesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct) =>
        await Paid(from, to, storeIds).Select(o => o.PaidAt!.Value).ToListAsync(ct);

    public Task<int> PlacedCountAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct)
    {
        var (since, until) = (from.ToUniversalTime(), to.ToUniversalTime());
        return Of(storeIds).CountAsync(o => o.CreatedAt >= since && o.CreatedAt < until, ct);
    }

    // PostgreSQL's timestamptz takes UTC instants only; callers may pass Beijing-time bounds.
    private IQueryable<Order> Paid(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds)
    {
        var (since, until) = (from.ToUniversalTime(), to.ToUniversalTime());
        return Of(storeIds).Where(o => o.PaidAt != null && o.PaidAt >= since && o.PaidAt < until);
    }

    private IQueryable<Order> Of(IReadOnlyCollection<Guid>? storeIds)
    {
        var orders = db.Set<Order>().AsNoTracking().IgnoreAutoIncludes();
        return storeIds is null ? orders : orders.Where(o => storeIds.Contains(o.StoreId));
    }
}
