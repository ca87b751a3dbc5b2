using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Analytics;

/// <summary>Keeps each confirmed refund with its order's store, so that dashboards show GMV net of refunds.</summary>
internal sealed class OnPaymentRefunded(O2oDb db, IOrdering ordering) : IEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded refunded, CancellationToken ct)
    {
        if (await db.Set<RefundFact>().AnyAsync(r => r.RefundId == refunded.RefundId, ct)) return;
        var order = await ordering.FindChargesAsync(refunded.OrderId, ct);
        db.Add(new RefundFact
        {
            RefundId = refunded.RefundId, OrderId = refunded.OrderId, StoreId = order?.StoreId ?? Guid.Empty,
            AmountFen = refunded.AmountFen, RefundedAt = refunded.At,
        });
        await db.SaveChangesAsync(ct);
    }
}
