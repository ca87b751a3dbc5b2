using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;

namespace O2o.Server.Modules.Live;

/// <summary>
/// <c>/hubs/orders</c> for apps outside the server (mobile, rider): sign in with the API's bearer token (the
/// <c>access_token</c> query parameter for WebSockets), call <c>WatchStore(storeId)</c> or <c>WatchOrder(orderId)</c>,
/// receive <c>orderUpdated</c> with an <see cref="OrderUpdate"/> and, for deliveries, <c>deliveryUpdated</c> with a <see cref="DeliveryUpdate"/>
/// (the rider's position and live ETA). A store or order the caller may not see is "not found",
/// exactly as the HTTP API answers 404. Each watch goes through <see cref="ILiveOrders"/>, which already spans nodes.
/// </summary>
[Authorize]
internal sealed class OrdersHub(ILiveOrders live, ILiveDeliveries deliveries, IStores stores, IOrdering ordering, IHubContext<OrdersHub> hub) : Hub
{
    public const string Path = "/hubs/orders";
    public const string UpdateMethod = "orderUpdated";
    public const string DeliveryMethod = "deliveryUpdated";

    public async Task WatchStore(string storeId)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(Context.User!), Context.ConnectionAborted);
        if (store is null) throw new HubException("not found");
        Keep($"store:{store.Id}", () => live.WatchStore(store.Id, SendToCaller<OrderUpdate>(UpdateMethod)));
        Keep($"store-deliveries:{store.Id}", () => deliveries.WatchStore(store.Id, SendToCaller<DeliveryUpdate>(DeliveryMethod)));
    }

    public async Task WatchOrder(string orderId)
    {
        if (!Guid.TryParse(orderId, out var id) || !await ordering.IsVisibleToAsync(id, Actor.From(Context.User!), Context.ConnectionAborted))
            throw new HubException("not found");
        Keep($"order:{id}", () => live.WatchOrder(id, SendToCaller<OrderUpdate>(UpdateMethod)));
        Keep($"order-delivery:{id}", () => deliveries.WatchOrder(id, SendToCaller<DeliveryUpdate>(DeliveryMethod)));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var watch in Context.Items.Values.OfType<IDisposable>().ToList()) watch.Dispose();
        Context.Items.Clear();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>One watch per store or order and connection, however often the app asks.</summary>
    private void Keep(string key, Func<IDisposable> watch)
    {
        if (!Context.Items.ContainsKey(key)) Context.Items[key] = watch();
    }

    private Func<T, Task> SendToCaller<T>(string method)
    {
        var caller = hub.Clients.Client(Context.ConnectionId);
        return update => caller.SendAsync(method, update);
    }
}
