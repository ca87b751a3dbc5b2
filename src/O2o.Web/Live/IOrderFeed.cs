namespace O2o.Web.Live;

/// <summary>An order changed: what the consoles need to know that they should ask the API again.</summary>
public sealed record OrderChange(Guid OrderId, Guid StoreId, string Status, string FulfillmentType);

/// <summary>
/// Live order changes, as the host's live feed delivers them after commit (on every node). A console first checks through
/// the API that its user may see the store or order, then watches it here and re-reads through the API on each change.
/// </summary>
public interface IOrderFeed
{
    IDisposable WatchStore(Guid storeId, Func<OrderChange, Task> onChange);

    IDisposable WatchOrder(Guid orderId, Func<OrderChange, Task> onChange);

    /// <summary>The order's delivery moved on: its rider moved, its ETA changed or its status (the change's status is the delivery's).</summary>
    IDisposable WatchDelivery(Guid orderId, Func<OrderChange, Task> onChange);

    /// <summary>Any delivery of the store moved on (riders coming, picking up, delivering).</summary>
    IDisposable WatchStoreDeliveries(Guid storeId, Func<OrderChange, Task> onChange);
}
