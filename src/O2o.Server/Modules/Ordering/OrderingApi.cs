using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>What Payments needs to know of an order.</summary>
public sealed record PayableOrder(Guid OrderId, string CustomerId, Guid StoreId, long TotalFen, string Currency, string Status, bool IsPayable);

/// <summary>
/// What an order charged, for the money ledger: goods, discount, delivery fee and total, all in fen; <paramref name="PointsFen"/> is the
/// part of the discount paid with loyalty points.
/// </summary>
public sealed record OrderCharges(Guid OrderId, Guid StoreId, long SubtotalFen, long DiscountFen, long DeliveryFeeFen, long TotalFen, long PointsFen = 0);

/// <summary>A line to order; a price given here (a flash sale's) replaces the catalogue price.</summary>
public sealed record PlacementLine(Guid ProductId, int Quantity, long? UnitPriceFen = null);

/// <summary>An order to place for a customer; no lines means the whole cart.</summary>
/// <summary><paramref name="CouponIds"/>: the coupons to use; null lets the pricing engine choose from the customer's wallet.</summary>
/// <summary><paramref name="Points"/>: loyalty points to pay part of the goods with (pickup and delivery orders only).</summary>
public sealed record PlacementRequest(string CustomerId, FulfillmentDto Fulfillment, IReadOnlyList<PlacementLine>? Lines,
    TimeSpan? PaymentTimeout = null, string? Source = null, IReadOnlyList<Guid>? CouponIds = null, int Points = 0);

/// <summary>Raised inside the transaction that cancels an order (by a person or by the payment timeout).</summary>
public sealed record OrderCancelled(Guid OrderId, bool WasPaid, string Reason, string? Source) : IDomainEvent;

/// <summary>
/// An order was placed or changed status (paid, preparing, ready, out for delivery, completed, cancelled or expired).
/// Announced after commit to this node's listeners only, not written to the outbox: it feeds live screens, where a
/// lost hint costs a refresh, and an outbox row plus a handler transaction per change would take two more turns of
/// SQLite's single writer on every checkout. Whatever must happen on a change keeps using the outbox events.
/// </summary>
public sealed record OrderStatusChanged(Guid OrderId, Guid StoreId, string CustomerId, string Status, string FulfillmentType, long TotalFen, DateTimeOffset At)
    : IDomainEvent;

/// <summary>
/// Raised in the transaction that completes an order (picked up, delivered, handed over, or paid for vouchers or a booking):
/// what the customer paid for it, in fen. Loyalty earns points and counts spend from it.
/// </summary>
public sealed record OrderCompleted(Guid OrderId, string CustomerId, Guid StoreId, string FulfillmentType, long PaidFen, DateTimeOffset PaidAt,
    DateTimeOffset CompletedAt) : IDomainEvent;

/// <summary>A customer reviewed a completed order; <paramref name="CommentLength"/> is 0 without a comment.</summary>
public sealed record OrderReviewed(Guid OrderId, string CustomerId, Guid StoreId, int Rating, int CommentLength, DateTimeOffset At) : IDomainEvent;

/// <summary>Orders of one store and fulfilment type paid in a window, and what they charged in total (fen).</summary>
public sealed record PaidSales(Guid StoreId, string FulfillmentType, int Orders, long TotalFen);

/// <summary>Figures over orders for dashboards; a window is [from, to), stores null means every store.</summary>
public interface IOrderFigures
{
    /// <summary>Orders paid in the window (whatever became of them later), by store and fulfilment type.</summary>
    Task<IReadOnlyList<PaidSales>> PaidSalesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct);
    /// <summary>When each order paid in the window was paid.</summary>
    Task<IReadOnlyList<DateTimeOffset>> PaidTimesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct);
    /// <summary>Orders placed in the window, paid or not.</summary>
    Task<int> PlacedCountAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid>? storeIds, CancellationToken ct);
}

/// <summary>A line of a paid order: what was bought, how many, at what unit price (fen).</summary>
public sealed record PaidLine(Guid ProductId, int Quantity, long UnitPriceFen);

/// <summary>Raised in the transaction that pays (and so completes) an order for vouchers; the Vouchers module issues the codes.</summary>
public sealed record VoucherOrderPaid(Guid OrderId, string CustomerId, Guid StoreId, IReadOnlyList<PaidLine> Lines, DateTimeOffset PaidAt) : IDomainEvent;

/// <summary>Raised in the transaction that pays (and so completes) the order of a service booking; the Bookings module confirms the booking.</summary>
public sealed record BookingOrderPaid(Guid OrderId, string CustomerId, Guid StoreId, long PaidFen, DateTimeOffset PaidAt) : IDomainEvent;

/// <summary>The fulfilment type of orders for service bookings, placed through <see cref="IOrdering.PlaceAsync"/> only.</summary>
public static class BookingFulfillment
{
    public const string Type = FulfillmentType.Booking;
}

/// <summary>The fulfilment type of orders for vouchers, placed through <see cref="IOrdering.PlaceAsync"/> only (checkout takes pickup or delivery).</summary>
public static class VoucherFulfillment
{
    public const string Type = FulfillmentType.Voucher;
}

/// <summary>
/// Orders of a community group buy (社区团购): placed through <see cref="IOrdering.PlaceAsync"/> by the GroupBuying module (stock
/// reserved at the supplying store), then moved with their campaign by <see cref="IOrdering.MoveGroupBuyOrderAsync"/>:
/// paid → preparing (the campaign succeeded) → ready_for_pickup (at the leader's point) → completed (handed over), or cancelled.
/// </summary>
public static class GroupBuyOrders
{
    public const string Type = FulfillmentType.GroupBuy;
    public const string PendingPayment = OrderStatus.PendingPayment;
    public const string Paid = OrderStatus.Paid;
    public const string Preparing = OrderStatus.Preparing;
    public const string ReadyForPickup = OrderStatus.ReadyForPickup;
    public const string Completed = OrderStatus.Completed;
    public const string Cancelled = OrderStatus.Cancelled;
}

/// <summary>
/// Raised in the transaction that pays a delivery order: the Delivery module takes it from here (dispatch to a rider).
/// <paramref name="Speed"/> is express or no_rush; the window is what checkout promised.
/// </summary>
public sealed record DeliveryOrderPaid(Guid OrderId, Guid StoreId, string CustomerId, double Lat, double Lng, string AddressLine, double DistanceKm,
    string Speed, DateTimeOffset PromisedFrom, DateTimeOffset PromisedBy, DateTimeOffset PaidAt) : IDomainEvent;

/// <summary>The store's own staff took a delivery order out (or completed it) themselves, through the store's endpoints: no rider is needed.</summary>
public sealed record DeliveryHandledByStore(Guid OrderId, string Status) : IDomainEvent;

/// <summary>Delivery orders move paid → preparing (the store accepts) → out_for_delivery (a rider picked it up) → completed (delivered).</summary>
public static class DeliveryOrders
{
    public const string Type = FulfillmentType.Delivery;
    public const string Express = "express";
    public const string Paid = OrderStatus.Paid;
    public const string Preparing = OrderStatus.Preparing;
    public const string OutForDelivery = OrderStatus.OutForDelivery;
    public const string Completed = OrderStatus.Completed;
    public const string Cancelled = OrderStatus.Cancelled;
}

/// <summary>The Ordering module's facade.</summary>
public interface IOrdering
{
    Task<PayableOrder?> FindPayableAsync(Guid orderId, CancellationToken ct);
    Task<OrderCharges?> FindChargesAsync(Guid orderId, CancellationToken ct);
    /// <summary>Marks the order paid by this payment; an error when it is no longer waiting for payment.</summary>
    Task<Error?> MarkPaidAsync(Guid orderId, Guid paymentId, DateTimeOffset paidAt, CancellationToken ct);
    /// <summary>Places an order exactly as checkout does, in the caller's transaction when there is one.</summary>
    Task<Result<OrderResponse>> PlaceAsync(PlacementRequest request, bool english, CancellationToken ct);
    /// <summary>Whether this caller may see the order (its customer, its store's staff, admins), as <c>GET /api/orders/{id}</c> decides.</summary>
    Task<bool> IsVisibleToAsync(Guid orderId, Actor actor, CancellationToken ct);
    /// <summary>The status of each of these orders that exists.</summary>
    Task<IReadOnlyDictionary<Guid, string>> StatusesAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct);
    /// <summary>
    /// Moves a group-buy order from <paramref name="from"/> to <paramref name="to"/> (see <see cref="GroupBuyOrders"/>), in the caller's
    /// transaction when there is one; cancelling releases its stock and refunds it when paid. An error when it is not a group-buy order
    /// or not in <paramref name="from"/>.
    /// </summary>
    Task<Error?> MoveGroupBuyOrderAsync(Guid orderId, string from, string to, string note, CancellationToken ct);
    /// <summary>
    /// Moves a delivery order from <paramref name="from"/> to <paramref name="to"/> (see <see cref="DeliveryOrders"/>) in the caller's transaction
    /// when there is one; the order's status as it was when it is not a delivery order in <paramref name="from"/> (null when there is no such order).
    /// </summary>
    Task<Result<string>> MoveDeliveryOrderAsync(Guid orderId, string from, string to, string note, CancellationToken ct);
    /// <summary>Cancels an order still waiting for payment, in its own transaction; an error when it is no longer waiting (paid, cancelled).</summary>
    Task<Error?> CancelUnpaidAsync(Guid orderId, string reason, CancellationToken ct);
}

internal sealed class OrderingFacade(O2oDb db, OrderWorkflow workflow, OrderPlacement placement, IStores stores) : IOrdering
{
    public async Task<bool> IsVisibleToAsync(Guid orderId, Actor actor, CancellationToken ct)
    {
        var order = await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        return order is not null && await OrderAccess.ViewOf(order, actor, stores, ct) != OrderView.None;
    }

    public async Task<Result<OrderResponse>> PlaceAsync(PlacementRequest request, bool english, CancellationToken ct)
    {
        var placed = await placement.PlaceAsync(request, ct);
        return placed.IsSuccess ? OrderViews.ToResponse(placed.Value, english, showPickupCode: true) : placed.Error!;
    }

    public async Task<PayableOrder?> FindPayableAsync(Guid orderId, CancellationToken ct) =>
        await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId)
            .Select(o => new PayableOrder(o.Id, o.CustomerId, o.StoreId, o.TotalFen, o.Currency, o.Status, o.Status == OrderStatus.PendingPayment))
            .FirstOrDefaultAsync(ct);

    public async Task<OrderCharges?> FindChargesAsync(Guid orderId, CancellationToken ct)
    {
        var o = await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId)
            .Select(o => new { o.Id, o.StoreId, o.SubtotalFen, o.DiscountFen, o.DeliveryFeeFen, o.TotalFen, o.Discounts }).FirstOrDefaultAsync(ct);
        return o is null ? null : new OrderCharges(o.Id, o.StoreId, o.SubtotalFen, o.DiscountFen, o.DeliveryFeeFen, o.TotalFen,
            o.Discounts.Where(d => d.Kind == CheckoutPricing.PointsKind).Sum(d => d.AmountFen));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> StatusesAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct) =>
        await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Status })
            .ToDictionaryAsync(o => o.Id, o => o.Status, ct);

    public async Task<Error?> MoveGroupBuyOrderAsync(Guid orderId, string from, string to, string note, CancellationToken ct)
    {
        var result = await workflow.MoveAsync(orderId, to, note, o =>
            o.FulfillmentType != FulfillmentType.GroupBuy ? OrderingErrors.OrderNotFound
            : o.Status != from ? OrderingErrors.InvalidStatus(o.Status, to)
            : null, ct);
        return result.Error;
    }
    public async Task<Result<string>> MoveDeliveryOrderAsync(Guid orderId, string from, string to, string note, CancellationToken ct)
    {
        var result = await workflow.MoveAsync(orderId, to, note, o =>
            o.FulfillmentType != FulfillmentType.Delivery ? OrderingErrors.OrderNotFound
            : o.Status != from ? OrderingErrors.InvalidStatus(o.Status, to)
            : null, ct);
        return result.IsSuccess ? result.Value.Status : result.Error!;
    }

    public async Task<Error?> CancelUnpaidAsync(Guid orderId, string reason, CancellationToken ct) =>
        (await workflow.MoveAsync(orderId, OrderStatus.Cancelled, reason,
            o => o.Status == OrderStatus.PendingPayment ? null : OrderingErrors.InvalidStatus(o.Status, OrderStatus.Cancelled), ct)).Error;

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

/// <summary>The edge's checks of a fulfilment, shared by every route that places orders.</summary>
public static class FulfillmentRules
{
    /// <summary><paramref name="positionOnly"/>: a price needs where to deliver, not yet to whom (the line, contact and phone may be left out).</summary>
    public static void Validate(FulfillmentDto? f, Validation v, bool positionOnly = false)
    {
        if (f is null)
        {
            v.Add("fulfillment", "Required.");
            return;
        }
        if (f.Type is not (FulfillmentType.Pickup or FulfillmentType.Delivery)) v.Add("fulfillment.type", "Must be pickup or delivery.");
        v.Text("fulfillment.storeId", f.StoreId, 64);
        if (f.Type != FulfillmentType.Delivery)
        {
            if (f.Speed is not null) v.Add("fulfillment.speed", "Only a delivery has a speed.");
            return;
        }
        if (f.Speed is not null && !Delivery.DeliverySpeeds.IsKnown(f.Speed)) v.Add("fulfillment.speed", "Must be express or no_rush.");
        if (f.Address is null) v.Add("fulfillment.address", "A delivery needs an address.");
        else if (positionOnly)
            v.Text("fulfillment.address.line", f.Address.Line, 300, required: false).Position("fulfillment.address.", f.Address.Lat, f.Address.Lng)
                .Text("fulfillment.address.contactName", f.Address.ContactName, 100, required: false)
                .Phone("fulfillment.address.contactPhone", f.Address.ContactPhone, required: false);
        else
            v.Text("fulfillment.address.line", f.Address.Line, 300).Position("fulfillment.address.", f.Address.Lat, f.Address.Lng)
                .Text("fulfillment.address.contactName", f.Address.ContactName, 100).Phone("fulfillment.address.contactPhone", f.Address.ContactPhone, required: true);
    }
}
