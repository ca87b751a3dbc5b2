using Microsoft.EntityFrameworkCore;
using O2o.Server.Modules.Ordering;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// A group-buy order cancelled (by its customer, by the payment timeout or by a failed campaign) no longer counts towards its
/// campaign; taken off once, whatever the redeliveries. Its money and stock are Ordering's and Payments' business.
/// </summary>
internal sealed class OnGroupBuyOrderCancelled(O2oDb db) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        if (e.Source is null || !e.Source.StartsWith("group_buy:", StringComparison.Ordinal)) return;
        var joined = await db.Set<Participation>().AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == e.OrderId, ct);
        if (joined is null) return;
        await db.InTransactionAsync(async () =>
        {
            var claimed = await db.Set<Participation>().Where(p => p.OrderId == e.OrderId && !p.Withdrawn)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Withdrawn, true), ct);
            if (claimed == 0) return false;
            await db.Set<Campaign>().Where(c => c.Id == joined.CampaignId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.JoinedOrders, c => c.JoinedOrders - 1).SetProperty(c => c.JoinedUnits, c => c.JoinedUnits - joined.Quantity), ct);
            return true;
        }, _ => true, ct);
    }
}
