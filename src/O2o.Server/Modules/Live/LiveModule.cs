using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Live;

/// <summary>
/// Live order updates: Ordering's after-commit announcements go into one feed per node, which relays them to the
/// other nodes over Redis pub/sub when Redis is configured. The SignalR hub is a client of the same feed (no SignalR
/// backplane): a hub connection watches through <see cref="ILiveOrders"/> like any console does.
/// </summary>
public static class LiveModule
{
    public static void AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveOrderFeed>();
        builder.Services.AddSingleton<ILiveOrders>(sp => sp.GetRequiredService<LiveOrderFeed>());
        builder.Services.AddSingleton<ILiveDeliveries>(sp => sp.GetRequiredService<LiveOrderFeed>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveOrderFeed>());
        builder.Services.AddAfterCommitListener<OrderStatusChanged, OnOrderStatusChanged>();
        builder.Services.AddSignalR();
    }

    public static void MapLive(this IEndpointRouteBuilder app) => app.MapHub<OrdersHub>(OrdersHub.Path);
}

/// <summary>Turns Ordering's announcement into an update for the feed.</summary>
internal sealed class OnOrderStatusChanged(LiveOrderFeed feed) : IAfterCommitListener<OrderStatusChanged>
{
    public void Heard(OrderStatusChanged e) =>
        feed.Publish(new OrderUpdate(e.OrderId, e.StoreId, Guid.TryParse(e.CustomerId, out var customer) ? customer : Guid.Empty,
            e.Status, e.FulfillmentType, e.TotalFen, e.At));
}
