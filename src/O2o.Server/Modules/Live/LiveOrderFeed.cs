using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;

namespace O2o.Server.Modules.Live;

/// <summary>
/// This node's live feed. <see cref="Publish"/> only queues (it runs on a committing thread); one loop then relays the
/// update to the other nodes over Redis pub/sub, when configured, and calls this node's watchers in order. Updates from
/// other nodes arrive through the same queue. A full queue drops the oldest update: screens are hinted, not fed a log.
/// </summary>
internal sealed class LiveOrderFeed(ILogger<LiveOrderFeed> logger, IConnectionMultiplexer? redis = null) : BackgroundService, ILiveOrders
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("o2o:live:orders");
    private static readonly TimeSpan CallbackLimit = TimeSpan.FromSeconds(5);
    private readonly Guid _node = Guid.CreateVersion7();
    private readonly Channel<(OrderUpdate Update, bool FromHere)> _queue = System.Threading.Channels.Channel.CreateBounded<(OrderUpdate, bool)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly LiveWatchers _stores = new();
    private readonly LiveWatchers _orders = new();

    public IDisposable WatchStore(Guid storeId, Func<OrderUpdate, Task> onUpdate) => _stores.Add(storeId, onUpdate);

    public IDisposable WatchOrder(Guid orderId, Func<OrderUpdate, Task> onUpdate) => _orders.Add(orderId, onUpdate);

    public void Publish(OrderUpdate update) => _queue.Writer.TryWrite((update, true));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis is not null) _ = SubscribeAsync(stoppingToken);
        await foreach (var (update, fromHere) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (fromHere && redis is not null) Relay(update);
            foreach (var onUpdate in _stores.For(update.StoreId).Concat(_orders.For(update.OrderId)))
            {
                try { await onUpdate(update).WaitAsync(CallbackLimit, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "A live watcher of order {OrderId} failed", update.OrderId);
                }
            }
        }
    }

    private void Relay(OrderUpdate update)
    {
        try
        {
            var message = JsonSerializer.Serialize(new RelayedUpdate(_node, update), JsonSerializerOptions.Web);
            redis!.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Redis is away: order {OrderId}'s update stays on this node", update.OrderId);
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
            if (relayed is not null && relayed.Node != _node) _queue.Writer.TryWrite((relayed.Update, false));
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "An unreadable live order update came through Redis");
        }
    }

    private sealed record RelayedUpdate(Guid Node, OrderUpdate Update);
}

/// <summary>Callbacks per key; a watch is removed by disposing what <see cref="Add"/> gave.</summary>
internal sealed class LiveWatchers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Func<OrderUpdate, Task>>> _byKey = [];

    public IDisposable Add(Guid key, Func<OrderUpdate, Task> onUpdate)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(onUpdate);
        }
        return new Watch(this, key, onUpdate);
    }

    public Func<OrderUpdate, Task>[] For(Guid key)
    {
        lock (_gate) return _byKey.TryGetValue(key, out var list) ? [.. list] : [];
    }

    private void Remove(Guid key, Func<OrderUpdate, Task> onUpdate)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var list)) return;
            list.Remove(onUpdate);
            if (list.Count == 0) _byKey.Remove(key);
        }
    }

    private sealed class Watch(LiveWatchers owner, Guid key, Func<OrderUpdate, Task> onUpdate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Remove(key, onUpdate);
        }
    }
}
