using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>What Payments needs to know of an order.</summary>
public sealed record PayableOrder(Guid OrderId, string CustomerId, Guid StoreId, long TotalFen, string Currency, string Status, bool IsPayable);

/// <summary>Raised inside the transaction that cancels an order (by a person or by the payment timeout).</summary>
public sealed record OrderCancelled(Guid OrderId, bool WasPaid, string Reason) : IDomainEvent;

/// <summary>The Ordering module's facade.</summary>
public interface IOrdering
{
    Task<PayableOrder?> FindPayableAsync(Guid orderId, CancellationToken ct);
    /// <summary>Marks the order paid by this payment; an error when it is no longer waiting for payment.</summary>
    Task<Error?> MarkPaidAsync(Guid orderId, Guid paymentId, DateTimeOffset paidAt, CancellationToken ct);
}

internal sealed class OrderingFacade(O2oDb db, OrderWorkflow workflow) : IOrdering
{
    public async Task<PayableOrder?> FindPayableAsync(Guid orderId, CancellationToken ct) =>
        await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId)
            .Select(o => new PayableOrder(o.Id, o.CustomerId, o.StoreId, o.TotalFen, o.Currency, o.Status, o.Status == OrderStatus.PendingPayment))
            .FirstOrDefaultAsync(ct);

    public async Task<Error?> MarkPaidAsync(Guid orderId, Guid paymentId, DateTimeOffset paidAt, CancellationToken ct)
    {
        var result = await workflow.PayAsync(orderId, paymentId, paidAt, ct);
        return result.Error;
    }
}

/// <summary>The error both Ordering and Payments give for an order that is not waiting for payment.</summary>
public static class PaymentsFacing
{
    public static Error NotPayable(string status) =>
        Error.Conflict("order_not_payable", $"The order is {status}, not waiting for payment.")
            with { Extensions = new Dictionary<string, object?> { ["currentStatus"] = status } };
}
