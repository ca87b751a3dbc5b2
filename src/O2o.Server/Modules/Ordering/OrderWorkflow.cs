using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Inventory;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>
/// Moves an order through its state machine together with what each move implies for stock, pickup codes
/// and other modules, in one transaction. Concurrent moves of one order are caught by its version.
/// </summary>
internal sealed class OrderWorkflow(O2oDb db, IInventory inventory, PickupSlotBookings slots, EventBus events, TimeProvider clock)
{
    public Task<Result<Order>> MoveAsync(Guid orderId, string target, string? note, Func<Order, Error?>? guard, CancellationToken ct) =>
        RunAsync(orderId, whole: true, async order =>
        {
            if (guard?.Invoke(order) is { } denied) return denied;
            var wasPaid = order.PaidAt is not null;
            if (order.TransitionTo(target, clock.GetUtcNow(), note) is { } invalid) return invalid;

            var stock = order.Lines.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList();
            var reference = $"order:{order.Id}";
            if (target == OrderStatus.Cancelled)
            {
                if (!FulfillmentType.IsPrepaid(order.FulfillmentType)) await inventory.ReleaseAsync(order.StoreId, stock, reference, ct);
                if (order.PickupSlotStart is { } slot) await slots.GiveBackAsync(order.StoreId, slot, ct);
                await ReleasePickupCodeAsync(order, ct);
                events.Publish(new OrderCancelled(order.Id, wasPaid, note ?? "cancelled", order.Source));
            }
            else if (target == OrderStatus.Completed)
            {
                await inventory.CommitSaleAsync(order.StoreId, stock, reference, ct);
                await ReleasePickupCodeAsync(order, ct);
                PublishCompleted(order);
            }
            return null;
        }, ct);

    /// <summary>Marks an order paid. The order comes without its lines and timeline (a new timeline entry is still added): nobody reads them here.</summary>
    public Task<Result<Order>> PayAsync(Guid orderId, Guid paymentId, DateTimeOffset paidAt, CancellationToken ct) =>
        RunAsync(orderId, whole: false, async order =>
        {
            if (order.Status != OrderStatus.PendingPayment) return PaymentsFacing.NotPayable(order.Status);
            if (order.FulfillmentType == FulfillmentType.Voucher) return await PayForVouchersAsync(order, paymentId, paidAt, ct);
            if (order.FulfillmentType == FulfillmentType.Booking) return PayForBooking(order, paymentId, paidAt);
            // A group-buy order is collected from its leader with the GroupBuying module's own code, never at the store's counter.
            var code = order.FulfillmentType == FulfillmentType.GroupBuy ? null : await NewPickupCodeAsync(order.StoreId, ct);
            if (order.MarkPaid(paymentId, code, paidAt) is { } invalid) return invalid;
            if (code is not null) db.Add(new ActivePickupCode { StoreId = order.StoreId, Code = code, OrderId = order.Id });
            if (order is { FulfillmentType: FulfillmentType.Delivery, DeliveryAddress: { } to })
                events.Publish(new DeliveryOrderPaid(order.Id, order.StoreId, order.CustomerId, to.Lat, to.Lng, to.Line, order.DeliveryDistanceKm ?? 0,
                    order.DeliverySpeed ?? DeliveryOrders.Express, order.PromisedFrom ?? paidAt, order.PromisedBy ?? paidAt.AddHours(1), paidAt));
            return null;
        }, ct);

    /// <summary>Vouchers need no pickup code and no hand-over: the order is done once paid, and the codes are issued from the event.</summary>
    private async Task<Error?> PayForVouchersAsync(Order order, Guid paymentId, DateTimeOffset paidAt, CancellationToken ct)
    {
        if (order.MarkPaid(paymentId, null, paidAt) is { } invalid) return invalid;
        if (order.TransitionTo(OrderStatus.Completed, paidAt, "vouchers issued 券码已发放") is { } notDone) return notDone;
        PublishCompleted(order);
        await db.Entry(order).Collection(o => o.Lines).LoadAsync(ct);
        events.Publish(new VoucherOrderPaid(order.Id, order.CustomerId, order.StoreId,
            order.Lines.Select(l => new PaidLine(l.ProductId, l.Quantity, l.UnitPriceFen)).ToList(), paidAt));
        return null;
    }

    /// <summary>A booking needs no pickup code: the order is done once paid, and the Bookings module confirms the appointment from the event.</summary>
    private Error? PayForBooking(Order order, Guid paymentId, DateTimeOffset paidAt)
    {
        if (order.MarkPaid(paymentId, null, paidAt) is { } invalid) return invalid;
        if (order.TransitionTo(OrderStatus.Completed, paidAt, "booking confirmed 预约已确认") is { } notDone) return notDone;
        PublishCompleted(order);
        events.Publish(new BookingOrderPaid(order.Id, order.CustomerId, order.StoreId, order.TotalFen, paidAt));
        return null;
    }

    private void PublishCompleted(Order order) =>
        events.Publish(new OrderCompleted(order.Id, order.CustomerId, order.StoreId, order.FulfillmentType, order.TotalFen, order.PaidAt ?? order.ClosedAt!.Value,
            order.ClosedAt!.Value));

    private async Task<Result<Order>> RunAsync(Guid orderId, bool whole, Func<Order, Task<Error?>> change, CancellationToken ct)
    {
        var ownsTransaction = db.Database.CurrentTransaction is null;
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var order = whole
                    ? await db.Set<Order>().FirstOrDefaultAsync(o => o.Id == orderId, ct)
                    : await db.Set<Order>().IgnoreAutoIncludes().FirstOrDefaultAsync(o => o.Id == orderId, ct);
                if (order is null) return OrderingErrors.OrderNotFound;
                if (await change(order) is { } error) return error;
                await db.SaveChangesAsync(ct);
                events.Announce(order.Changed());
                return (Result<Order>)order;
            }, r => r.IsSuccess, ct);
        }
        catch (DbUpdateConcurrencyException) when (ownsTransaction)
        {
            db.ChangeTracker.Clear();
            return OrderingErrors.OrderChanged;
        }
        finally
        {
            if (ownsTransaction) db.ChangeTracker.Clear();
        }
    }

    /// <summary>Six random digits not used by another open order of the store.</summary>
    private async Task<string> NewPickupCodeAsync(Guid storeId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            if (!await db.Set<ActivePickupCode>().AnyAsync(c => c.StoreId == storeId && c.Code == code, ct)) return code;
        }
        throw new InvalidOperationException($"No free pickup code at store {storeId} after 50 attempts.");
    }

    private Task<int> ReleasePickupCodeAsync(Order order, CancellationToken ct) =>
        db.Set<ActivePickupCode>().Where(c => c.OrderId == order.Id).ExecuteDeleteAsync(ct);
}
