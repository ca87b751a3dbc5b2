using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace O2o.Tests.Support;

/// <summary>A SignalR connection to <c>/hubs/orders</c> that collects every <c>orderUpdated</c> it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<OrderUpdateSeen> _updates = Channel.CreateUnbounded<OrderUpdateSeen>();
    private readonly Channel<DeliveryUpdateSeen> _deliveries = Channel.CreateUnbounded<DeliveryUpdateSeen>();

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<OrderUpdateSeen>("orderUpdated", u => _updates.Writer.TryWrite(u));
        connection.On<DeliveryUpdateSeen>("deliveryUpdated", u => _deliveries.Writer.TryWrite(u));
    }

    public HubConnection Connection { get; }

    /// <summary>Into the in-memory test server (long polling, the token in the Authorization header).</summary>
    public static Task<LiveClient> ConnectAsync(O2oApp app, Api signedIn) =>
        StartAsync(new HubConnectionBuilder().WithUrl(new Uri(app.Server.BaseAddress, "/hubs/orders"), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult<string?>(TokenOf(signedIn));
        }).Build());

    /// <summary>Into a real server process, over WebSockets (the token as access_token in the query string).</summary>
    public static Task<LiveClient> ConnectAsync(string baseUrl, Api signedIn) =>
        StartAsync(new HubConnectionBuilder().WithUrl($"{baseUrl}/hubs/orders", HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(TokenOf(signedIn));
        }).Build());

    private static async Task<LiveClient> StartAsync(HubConnection connection)
    {
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    private static string TokenOf(Api api) => api.Http.DefaultRequestHeaders.Authorization?.Parameter
        ?? throw new InvalidOperationException("The caller is not signed in.");

    /// <summary>The next update, or a failure after ten seconds.</summary>
    public async Task<OrderUpdateSeen> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { return await _updates.Reader.ReadAsync(timeout.Token); }
        catch (OperationCanceledException) { throw new TimeoutException("No orderUpdated within ten seconds."); }
    }

    /// <summary>The next delivery progress (rider position, ETA) matching <paramref name="wanted"/>, or a failure after ten seconds.</summary>
    public async Task<DeliveryUpdateSeen> NextDeliveryAsync(Func<DeliveryUpdateSeen, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var update = await _deliveries.Reader.ReadAsync(timeout.Token);
                if (wanted(update)) return update;
            }
        }
        catch (OperationCanceledException) { throw new TimeoutException("No matching deliveryUpdated within ten seconds."); }
    }

    /// <summary>Updates that came without waiting.</summary>
    public List<OrderUpdateSeen> Received()
    {
        var seen = new List<OrderUpdateSeen>();
        while (_updates.Reader.TryRead(out var u)) seen.Add(u);
        return seen;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

public sealed record OrderUpdateSeen(Guid OrderId, Guid StoreId, Guid CustomerId, string Status, string FulfillmentType, long TotalFen, DateTimeOffset At);

public sealed record DeliveryUpdateSeen(Guid OrderId, Guid StoreId, string Status, double? RiderLat, double? RiderLng, DateTimeOffset? EtaAt, DateTimeOffset At);
