using System.Net;

namespace O2o.Tests.Support;

/// <summary>Several server processes started together on one fresh PostgreSQL database and one Redis, as production runs them.</summary>
public sealed class ServerNodes(PostgresCluster cluster, RedisServer redis, int count) : IAsyncLifetime
{
    private readonly List<ServerProcess> _nodes = [];
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"o2o-nodes-{Guid.NewGuid():N}");

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>Skips the calling test, with the reason, where PostgreSQL or Redis cannot be had here.</summary>
    public void SkipUnlessAvailable()
    {
        if ((cluster.SkipReason ?? redis.SkipReason) is { } reason) Assert.Skip(reason);
    }

    public async ValueTask InitializeAsync()
    {
        var database = await cluster.TryCreateDatabaseAsync();
        var redisConnection = await redis.StartAsync();
        if (database is null || redisConnection is null) return;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "postgres", ["ConnectionStrings:O2O"] = database, ["ConnectionStrings:Redis"] = redisConnection,
        };
        // All start at once: migrations and the shared secrets must cope.
        _nodes.AddRange(await Task.WhenAll(Enumerable.Range(0, count).Select(i => ServerProcess.StartAsync(Path.Combine(_root, $"node{i}"), settings))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    public static async Task<Api> Login(ServerProcess node, string email, string password) =>
        node.Client().WithToken((await node.Client().Post("/api/auth/login", new { email, password })).Is(HttpStatusCode.OK).Str("accessToken"));
}
