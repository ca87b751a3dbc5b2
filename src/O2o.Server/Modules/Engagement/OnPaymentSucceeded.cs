using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>Keeps the paid order as a purchase (once, keyed by order) and updates the customer's features and segments.</summary>
internal sealed class OnPaymentSucceeded(O2oDb db, IOrdering ordering, CustomerFeaturesUpdater features) : IEventHandler<PaymentSucceeded>
{
    public async Task HandleAsync(PaymentSucceeded paid, CancellationToken ct)
    {
        if (await db.Set<Purchase>().AnyAsync(p => p.OrderId == paid.OrderId, ct)) return;
        if (await ordering.FindPayableAsync(paid.OrderId, ct) is not { } order) return;
        db.Add(new Purchase { OrderId = order.OrderId, CustomerId = order.CustomerId, StoreId = order.StoreId, AmountFen = paid.AmountFen, PaidAt = paid.At });
        await db.SaveChangesAsync(ct);
        await features.UpdateAsync(order.CustomerId, null, ct);
    }
}
