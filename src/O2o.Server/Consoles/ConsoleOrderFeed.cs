using O2o.Server.Modules.Live;
using O2o.Web.Live;

namespace O2o.Server.Consoles;

/// <summary>The live feed as the consoles see it: the Live module's updates, handed on without holding up the feed's loop.</summary>
internal sealed class ConsoleOrderFeed(ILiveOrders live, ILiveDeliveries deliveries) : IOrderFeed
{
    public IDisposable WatchStore(Guid storeId, Func<OrderChange, Task> onChange) => live.WatchStore(storeId, Relay(onChange));

    public IDisposable WatchOrder(Guid orderId, Func<OrderChange, Task> onChange) => live.WatchOrder(orderId, Relay(onChange));

    public IDisposable WatchDelivery(Guid orderId, Func<OrderChange, Task> onChange) => deliveries.WatchOrder(orderId, RelayDelivery(onChange));

    public IDisposable WatchStoreDeliveries(Guid storeId, Func<OrderChange, Task> onChange) => deliveries.WatchStore(storeId, RelayDelivery(onChange));

    private static Func<DeliveryUpdate, Task> RelayDelivery(Func<OrderChange, Task> onChange) => update =>
    {
        _ = Task.Run(() => onChange(new OrderChange(update.OrderId, update.StoreId, update.Status, "delivery")));
        return Task.CompletedTask;
    };

    // A console re-reads the API on each change; that must not delay every other watcher, so it runs apart.
    private static Func<OrderUpdate, Task> Relay(Func<OrderChange, Task> onChange) => update =>
    {
        _ = Task.Run(() => onChange(new OrderChange(update.OrderId, update.StoreId, update.Status, update.FulfillmentType)));
        return Task.CompletedTask;
    };
}
