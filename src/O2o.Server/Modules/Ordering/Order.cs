using O2o.Server.Kernel;

namespace O2o.Server.Modules.Ordering;

internal static class OrderStatus
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Preparing = "preparing";
    public const string ReadyForPickup = "ready_for_pickup";
    public const string OutForDelivery = "out_for_delivery";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [PendingPayment, Paid, Preparing, ReadyForPickup, OutForDelivery, Completed, Cancelled];
    public static readonly string[] Open = [PendingPayment, Paid, Preparing, ReadyForPickup, OutForDelivery];
}

internal static class FulfillmentType
{
    public const string Pickup = "pickup";
    public const string Delivery = "delivery";
    /// <summary>Vouchers (团购券): nothing to hand over; paying completes the order and the Vouchers module issues the codes.</summary>
    public const string Voucher = "voucher";
    /// <summary>Community group buys (社区团购): stock reserved at the supplying store, collected at a leader's pickup point.</summary>
    public const string GroupBuy = "group_buy";
    /// <summary>A service booking: paid up front (in full or a deposit); the Bookings module keeps the appointment, so paying completes the order.</summary>
    public const string Booking = "booking";

    /// <summary>Vouchers and bookings: nothing on the shelf is reserved or handed over, and paying completes the order.</summary>
    public static bool IsPrepaid(string type) => type is Voucher or Booking;
}

internal sealed class DeliveryAddress
{
    public required string Line { get; init; }
    public double Lat { get; init; }
    public double Lng { get; init; }
    public required string ContactName { get; init; }
    public required string ContactPhone { get; init; }
}

internal sealed record DeliveryPromise(string Speed, DateTimeOffset From, DateTimeOffset By);

internal sealed class OrderLine
{
    public Guid OrderId { get; init; }
    public Guid ProductId { get; init; }
    public required string Sku { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public long UnitPriceFen { get; init; }
    public int Quantity { get; init; }
    public long LineTotalFen => UnitPriceFen * Quantity;
}

/// <summary>
/// What a promotion or coupon took off the order, as priced at checkout: off a line, off the delivery fee, or a gift that came with it
/// (amount 0). The order's discount is their sum, so the breakdown always explains it exactly. Kept on the order as one JSON column
/// (<c>breakdown</c>): it is written once at checkout and only ever read with its order.
/// </summary>
internal sealed class OrderDiscount
{
    public const string Line = "line", Delivery = "delivery", Gift = "gift";

    public required string Target { get; init; }
    /// <summary>The line's product, or the gift; none for the delivery fee.</summary>
    public Guid? ProductId { get; init; }
    public Guid PromotionId { get; init; }
    public Guid? CouponId { get; init; }
    public required string Kind { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public long AmountFen { get; init; }
    public int Quantity { get; init; }
}

internal sealed class OrderTimelineEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; init; }
}

/// <summary>The order and its one state machine; every change of status goes through <see cref="TransitionTo"/>.</summary>
internal sealed class Order
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Preparing, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Preparing] = [OrderStatus.ReadyForPickup, OrderStatus.OutForDelivery, OrderStatus.Cancelled],
        [OrderStatus.ReadyForPickup] = [OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.OutForDelivery] = [OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CustomerId { get; init; }
    public Guid StoreId { get; init; }
    public required string FulfillmentType { get; init; }
    public DeliveryAddress? DeliveryAddress { get; init; }
    public double? DeliveryDistanceKm { get; init; }
    /// <summary>For delivery: express or no_rush, and the window promised at checkout.</summary>
    public string? DeliverySpeed { get; init; }
    public DateTimeOffset? PromisedFrom { get; init; }
    public DateTimeOffset? PromisedBy { get; init; }
    public List<OrderLine> Lines { get; init; } = [];
    public long SubtotalFen { get; init; }
    public long DiscountFen { get; init; }
    public long DeliveryFeeFen { get; init; }
    public long TotalFen { get; init; }
    /// <summary>Loyalty points spent on the order; what they paid is in the lines' discounts, kind points.</summary>
    public int PointsUsed { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>Where the order came from when not the cart, e.g. <c>flash_sale:{id}</c>.</summary>
    public string? Source { get; init; }
    public string Status { get; private set; } = OrderStatus.PendingPayment;
    public string? PickupCode { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset PaymentDeadline { get; init; }
    /// <summary>The pickup slot taken at a store that paces pickups; given back when the order is cancelled.</summary>
    public DateTimeOffset? PickupSlotStart { get; init; }
    public DateTimeOffset? PaidAt { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CancelReason { get; private set; }
    public int Version { get; private set; }
    public List<OrderTimelineEntry> Timeline { get; init; } = [];
    public IReadOnlyList<OrderDiscount> Discounts { get; private set; } = [];

    public bool IsOpen => OrderStatus.Open.Contains(Status);

    public static Order Place(string customerId, Guid storeId, string fulfillmentType, DeliveryAddress? address, double? distanceKm,
        List<OrderLine> lines, long deliveryFeeFen, DateTimeOffset now, TimeSpan paymentTimeout, string? source = null, DateTimeOffset? pickupSlot = null,
        DeliveryPromise? promise = null, IReadOnlyList<OrderDiscount>? discounts = null, int pointsUsed = 0)
    {
        var id = Guid.CreateVersion7();
        var subtotal = lines.Sum(l => l.LineTotalFen);
        var given = discounts ?? [];
        var discount = given.Sum(d => d.AmountFen);
        var order = new Order
        {
            Id = id, CustomerId = customerId, StoreId = storeId, FulfillmentType = fulfillmentType, DeliveryAddress = address,
            DeliveryDistanceKm = distanceKm, SubtotalFen = subtotal, DeliveryFeeFen = deliveryFeeFen, DiscountFen = discount,
            TotalFen = subtotal + deliveryFeeFen - discount, Discounts = given, PointsUsed = pointsUsed,
            CreatedAt = now, PaymentDeadline = now + paymentTimeout, Source = source, PickupSlotStart = pickupSlot,
            DeliverySpeed = promise?.Speed, PromisedFrom = promise?.From, PromisedBy = promise?.By,
            Lines = lines.Select(l => new OrderLine
            {
                OrderId = id, ProductId = l.ProductId, Sku = l.Sku, NameZh = l.NameZh, NameEn = l.NameEn, UnitPriceFen = l.UnitPriceFen, Quantity = l.Quantity,
            }).ToList(),
        };
        order.Timeline.Add(new OrderTimelineEntry { OrderId = id, Status = OrderStatus.PendingPayment, At = now });
        return order;
    }

    public Error? TransitionTo(string target, DateTimeOffset at, string? note)
    {
        var allowed = Allowed[Status].Contains(target)
            && !(target == OrderStatus.ReadyForPickup && FulfillmentType is not (Modules.Ordering.FulfillmentType.Pickup or Modules.Ordering.FulfillmentType.GroupBuy))
            && !(target == OrderStatus.OutForDelivery && FulfillmentType != Modules.Ordering.FulfillmentType.Delivery)
            && !(Status == OrderStatus.Paid && target == OrderStatus.Completed && !Modules.Ordering.FulfillmentType.IsPrepaid(FulfillmentType))
            && !(target == OrderStatus.Preparing && Modules.Ordering.FulfillmentType.IsPrepaid(FulfillmentType));
        if (!allowed) return OrderingErrors.InvalidStatus(Status, target);

        Status = target;
        Version++;
        if (target is OrderStatus.Completed or OrderStatus.Cancelled) ClosedAt = at;
        if (target == OrderStatus.Cancelled) CancelReason = note;
        Timeline.Add(new OrderTimelineEntry { OrderId = Id, Status = target, At = at, Note = note });
        return null;
    }

    /// <summary>The order as it now stands, for listeners after commit; every change appends its timeline entry last.</summary>
    public OrderStatusChanged Changed() => new(Id, StoreId, CustomerId, Status, FulfillmentType, TotalFen, Timeline.Count > 0 ? Timeline[^1].At : CreatedAt);

    public Error? MarkPaid(Guid paymentId, string? pickupCode, DateTimeOffset at)
    {
        if (TransitionTo(OrderStatus.Paid, at, null) is { } error) return error;
        PaidAt = at;
        PaymentId = paymentId;
        PickupCode = pickupCode;
        return null;
    }
}
