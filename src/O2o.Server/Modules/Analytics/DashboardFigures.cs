using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;
using PaidSales = O2o.Server.Modules.Ordering.PaidSales;

namespace O2o.Server.Modules.Analytics;

/// <summary>Puts the dashboard together: sales from Ordering, refunds and funnel rows from this module's tables.</summary>
internal sealed class DashboardFigures(IOrderFigures orders, O2oDb db, FunnelCounter counter, TimeProvider clock)
{
    public async Task<DashboardResponse> BuildAsync(DashboardScope scope, int days, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(now);
        var (todayStart, end) = (ChinaTime.StartOf(today), ChinaTime.StartOf(today.AddDays(1)));
        var periodStart = ChinaTime.StartOf(today.AddDays(1 - days));

        var periodSales = await orders.PaidSalesAsync(periodStart, end, scope.StoreFilter, ct);
        var todaySales = await orders.PaidSalesAsync(todayStart, end, scope.StoreFilter, ct);
        var (since, until) = (periodStart.ToUniversalTime(), end.ToUniversalTime()); // timestamptz takes UTC only
        var refunds = (await db.Set<RefundFact>().AsNoTracking().Where(r => r.RefundedAt >= since && r.RefundedAt < until).ToListAsync(ct))
            .Where(r => scope.StoreFilter?.Contains(r.StoreId) ?? true).ToList();

        var (gmv, paid, average, pickup, delivery) = Sum(periodSales, refunds.Sum(r => r.AmountFen));
        var day = Sum(todaySales, refunds.Where(r => r.RefundedAt >= todayStart).Sum(r => r.AmountFen));
        var stores = scope.Stores.Select(s =>
        {
            var sales = Sum(periodSales.Where(p => p.StoreId == s.Id).ToList(), refunds.Where(r => r.StoreId == s.Id).Sum(r => r.AmountFen));
            return new StoreSales(s.Id.ToString(), s.Name, sales.Gmv, sales.Paid, sales.Average);
        }).OrderByDescending(s => s.GmvFen).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();

        return new DashboardResponse(
            new DaySales(day.Gmv, day.Paid, day.Average, day.Pickup, day.Delivery),
            new PeriodSales(days, gmv, paid, average, pickup, delivery),
            stores,
            await OrdersPerHourAsync(scope, now, ct),
            await FunnelAsync(scope, today.AddDays(1 - days), today, paid, await orders.PlacedCountAsync(periodStart, end, scope.StoreFilter, ct), ct));
    }

    private static (long Gmv, int Paid, long Average, double Pickup, double Delivery) Sum(IReadOnlyList<PaidSales> sales, long refundedFen)
    {
        var paid = sales.Sum(s => s.Orders);
        var gmv = sales.Sum(s => s.TotalFen) - refundedFen;
        if (paid == 0) return (gmv, 0, 0, 0, 0);
        var pickup = sales.Where(s => s.FulfillmentType == "pickup").Sum(s => s.Orders);
        return (gmv, paid, gmv / paid, (double)pickup / paid, (double)(paid - pickup) / paid);
    }

    private async Task<HourOrders[]> OrdersPerHourAsync(DashboardScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var first = ChinaTime.HourOf(now).AddHours(-23);
        var counts = new int[24];
        foreach (var paidAt in await orders.PaidTimesAsync(first, first.AddHours(24), scope.StoreFilter, ct))
            counts[Math.Clamp((int)Math.Floor((paidAt - first).TotalHours), 0, 23)]++;
        return counts.Select((orders, i) => new HourOrders(first.AddHours(i), orders)).ToArray();
    }

    private async Task<FunnelCount[]> FunnelAsync(DashboardScope scope, DateOnly from, DateOnly to, int paid, int placed, CancellationToken ct)
    {
        var rows = db.Set<FunnelDay>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to);
        if (scope.MerchantFilter is { } merchant) rows = rows.Where(f => f.MerchantId == merchant);
        else if (scope.StoreFilter is { } only) rows = rows.Where(f => only.Contains(f.StoreId));
        var stored = await rows.GroupBy(f => f.Step).Select(g => new { Step = g.Key, Count = g.Sum(f => f.Count) }).ToListAsync(ct);
        // This node's counts not yet flushed, so a dashboard shows what just happened.
        var pending = counter.Pending().Where(p => p.Key.Day >= from && p.Key.Day <= to
            && (scope.MerchantFilter is { } m ? p.Key.MerchantId == m : scope.StoreFilter?.Contains(p.Key.StoreId) ?? true)).ToList();
        long Steps(string step) => stored.Where(s => s.Step == step).Sum(s => s.Count) + pending.Where(p => p.Key.Step == step).Sum(p => p.Count);
        return
        [
            new(FunnelSteps.ViewStore, Steps(FunnelSteps.ViewStore)),
            new(FunnelSteps.ViewProduct, Steps(FunnelSteps.ViewProduct)),
            new(FunnelSteps.AddToCart, Steps(FunnelSteps.AddToCart)),
            new(FunnelSteps.PlaceOrder, placed),
            new(FunnelSteps.Pay, paid),
        ];
    }
}
