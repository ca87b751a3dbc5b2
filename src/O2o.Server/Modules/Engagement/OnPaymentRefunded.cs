using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>Takes a refund off its purchase (once, keyed by refund), so spend and conversions are net of refunds.</summary>
internal sealed class OnPaymentRefunded(O2oDb db, CustomerFeaturesUpdater features) : IEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded refunded, CancellationToken ct)
    {
        if (await db.Set<PurchaseRefund>().AnyAsync(r => r.RefundId == refunded.RefundId, ct)) return;
        var purchase = await db.Set<Purchase>().FirstOrDefaultAsync(p => p.OrderId == refunded.OrderId, ct);
        // A refund of an order paid before Engagement kept purchases: nothing to take it from.
        if (purchase is null) return;
        db.Add(new PurchaseRefund { RefundId = refunded.RefundId, OrderId = refunded.OrderId, AmountFen = refunded.AmountFen });
        purchase.RefundedFen = Math.Min(purchase.AmountFen, purchase.RefundedFen + refunded.AmountFen);
        await db.SaveChangesAsync(ct);
        await features.UpdateAsync(purchase.CustomerId, null, ct);
    }
}
