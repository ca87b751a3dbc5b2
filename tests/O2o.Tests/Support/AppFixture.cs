namespace O2o.Tests.Support;

/// <summary>One server and one fresh database per test class.</summary>
public abstract class AppFixture(DatabaseKind kind, PostgresCluster? cluster, RedisServer? redis = null) : IAsyncLifetime
{
    private string? _sqliteFile;
    private O2oApp? _app;

    /// <summary>The server; skips the calling test, with the reason, where its database cannot be had here.</summary>
    public O2oApp App
    {
        get
        {
            if (_app is null && (cluster?.SkipReason ?? redis?.SkipReason) is { } reason) Assert.Skip(reason);
            return _app ?? throw new InvalidOperationException("The fixture is not initialised.");
        }
    }
    public DatabaseKind Kind => kind;
    internal string? AdminToken { get; set; }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async ValueTask InitializeAsync()
    {
        string connectionString;
        if (kind == DatabaseKind.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"o2o-test-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            var created = await cluster!.TryCreateDatabaseAsync();
            if (created is null) return;
            connectionString = created;
        }
        var settings = Settings.ToList();
        if (redis is not null)
        {
            if (await redis.StartAsync() is not { } redisConnection) return;
            settings.Add(new("ConnectionStrings:Redis", redisConnection));
        }
        _app = new O2oApp(kind, connectionString, settings);
        using var warmUp = _app.CreateClient();
        await warmUp.GetAsync(new Uri("/health", UriKind.Relative));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteFile is not null)
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(file)) File.Delete(file);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite, null);

public sealed class PostgresApp(PostgresCluster cluster) : AppFixture(DatabaseKind.Postgres, cluster);

/// <summary>PostgreSQL with the flash-sale gate in Redis, as several nodes run it.</summary>
public sealed class PostgresRedisApp(PostgresCluster cluster, RedisServer redis) : AppFixture(DatabaseKind.Postgres, cluster, redis);
