using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;

namespace O2o.Server.Modules.Live;

/// <summary>
/// This node's live feed. <see cref="Publish"/> only queues (it runs on a committing thread); one loop then relays the
/// update to the other nodes over Redis pub/sub, when configured, and calls this node's watchers in order. Updates from
/// other nodes arrive through the same queue. A full queue drops the oldest update: screens are hinted, not fed a log.
/// </summary>
internal sealed class LiveOrderFeed(ILogger<LiveOrderFeed> logger, IConnectionMultiplexer? redis = null) : BackgroundService, ILiveOrders, ILiveDeliveries
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("o2o:live:orders");
    private static readonly TimeSpan CallbackLimit = TimeSpan.FromSeconds(5);
    private readonly Guid _node = Guid.CreateVersion7();
    private readonly Channel<(RelayedUpdate Update, bool FromHere)> _queue = System.Threading.Channels.Channel.CreateBounded<(RelayedUpdate, bool)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly LiveWatchers<OrderUpdate> _stores = new();
    private readonly LiveWatchers<OrderUpdate> _orders = new();
    private readonly LiveWatchers<DeliveryUpdate> _storeDeliveries = new();
    private readonly LiveWatchers<DeliveryUpdate> _orderDeliveries = new();

    public IDisposable WatchStore(Guid storeId, Func<OrderUpdate, Task> onUpdate) => _stores.Add(storeId, onUpdate);

    public IDisposable WatchOrder(Guid orderId, Func<OrderUpdate, Task> onUpdate) => _orders.Add(orderId, onUpdate);

    public void Publish(OrderUpdate update) => _queue.Writer.TryWrite((new RelayedUpdate(_node, update, null), true));

    IDisposable ILiveDeliveries.WatchStore(Guid storeId, Func<DeliveryUpdate, Task> onUpdate) => _storeDeliveries.Add(storeId, onUpdate);

    IDisposable ILiveDeliveries.WatchOrder(Guid orderId, Func<DeliveryUpdate, Task> onUpdate) => _orderDeliveries.Add(orderId, onUpdate);

    public void Publish(DeliveryUpdate update) => _queue.Writer.TryWrite((new RelayedUpdate(_node, null, update), true));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis is not null) _ = SubscribeAsync(stoppingToken);
        await foreach (var (relayed, fromHere) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (fromHere && redis is not null) Relay(relayed);
            if (relayed.Update is { } update)
                await CallAsync(_stores.For(update.StoreId).Concat(_orders.For(update.OrderId)), update, update.OrderId, stoppingToken);
            if (relayed.Delivery is { } delivery)
                await CallAsync(_storeDeliveries.For(delivery.StoreId).Concat(_orderDeliveries.For(delivery.OrderId)), delivery, delivery.OrderId, stoppingToken);
        }
    }

    private async Task CallAsync<T>(IEnumerable<Func<T, Task>> watchers, T update, Guid orderId, CancellationToken stoppingToken)
    {
        foreach (var onUpdate in watchers)
        {
            try { await onUpdate(update).WaitAsync(CallbackLimit, stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "A live watcher of order {OrderId} failed", orderId);
            }
        }
    }

    private void Relay(RelayedUpdate update)
    {
        try
        {
            var message = JsonSerializer.Serialize(update, JsonSerializerOptions.Web);
            redis!.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Redis is away: order {OrderId}'s update stays on this node", update.Update?.OrderId ?? update.Delivery?.OrderId);
        }
    }

    /// <summary>Subscribes once Redis answers; the client renews the subscription by itself after a reconnect.</summary>
    private async Task SubscribeAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await redis!.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Cannot subscribe to live order updates in Redis yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<RelayedUpdate>(message.ToString(), JsonSerializerOptions.Web);
            if (relayed is not null && relayed.Node != _node) _queue.Writer.TryWrite((relayed, false));
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "An unreadable live order update came through Redis");
        }
    }

    private sealed record RelayedUpdate(Guid Node, OrderUpdate? Update, DeliveryUpdate? Delivery);
}

/// <summary>Callbacks per key; a watch is removed by disposing what <see cref="Add"/> gave.</summary>
internal sealed class LiveWatchers<T>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Func<T, Task>>> _byKey = [];

    public IDisposable Add(Guid key, Func<T, Task> onUpdate)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(onUpdate);
        }
        return new Watch(this, key, onUpdate);
    }

    public Func<T, Task>[] For(Guid key)
    {
        lock (_gate) return _byKey.TryGetValue(key, out var list) ? [.. list] : [];
    }

    private void Remove(Guid key, Func<T, Task> onUpdate)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var list)) return;
            list.Remove(onUpdate);
            if (list.Count == 0) _byKey.Remove(key);
        }
    }

    private sealed class Watch(LiveWatchers<T> owner, Guid key, Func<T, Task> onUpdate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Remove(key, onUpdate);
        }
    }
}
