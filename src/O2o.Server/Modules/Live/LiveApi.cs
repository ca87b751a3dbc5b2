namespace O2o.Server.Modules.Live;

/// <summary>
/// An order as it stands after a change: <see cref="Status"/> is the API's snake_case status (<c>pending_payment</c>,
/// <c>paid</c>, <c>preparing</c>, <c>ready_for_pickup</c>, <c>out_for_delivery</c>, <c>completed</c>, <c>cancelled</c>),
/// <see cref="FulfillmentType"/> <c>pickup</c> or <c>delivery</c>, <see cref="At"/> when the change happened.
/// </summary>
public sealed record OrderUpdate(Guid OrderId, Guid StoreId, Guid CustomerId, string Status, string FulfillmentType, long TotalFen, DateTimeOffset At);

/// <summary>
/// Live order changes for screens, after commit, on every node (through Redis when configured). A hint, not a record:
/// an update may be lost (a node dies, Redis is away), so a screen reloads the order list when it (re)connects.
/// Callbacks run one after another on the feed's own loop; keep them quick. Dispose the watch to stop.
/// </summary>
public interface ILiveOrders
{
    IDisposable WatchStore(Guid storeId, Func<OrderUpdate, Task> onUpdate);
    IDisposable WatchOrder(Guid orderId, Func<OrderUpdate, Task> onUpdate);
}

/// <summary>
/// A delivery's progress: its status (waiting, offered, accepted, picked_up, delivered, cancelled), where its rider is
/// and the live ETA at the door, while a rider has it. Same delivery guarantees as <see cref="OrderUpdate"/>.
/// </summary>
public sealed record DeliveryUpdate(Guid OrderId, Guid StoreId, string Status, double? RiderLat, double? RiderLng, DateTimeOffset? EtaAt, DateTimeOffset At);

/// <summary>Live delivery progress for the customer's order page and the store's screen, across nodes like <see cref="ILiveOrders"/>.</summary>
public interface ILiveDeliveries
{
    void Publish(DeliveryUpdate update);
    IDisposable WatchStore(Guid storeId, Func<DeliveryUpdate, Task> onUpdate);
    IDisposable WatchOrder(Guid orderId, Func<DeliveryUpdate, Task> onUpdate);
}
