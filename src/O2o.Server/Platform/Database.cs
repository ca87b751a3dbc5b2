using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace O2o.Server.Platform;

public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public string Provider { get; set; } = Sqlite;
}

public static class Database
{
    public const string DefaultSqlite = "Data Source=data/o2o.db";
    private const long StartupLockKey = 0x02_0_2026_1128;

    public static void AddO2oDatabase(this WebApplicationBuilder builder)
    {
        var provider = (builder.Configuration["Database:Provider"] ?? DatabaseOptions.Sqlite).Trim().ToLowerInvariant();
        var connectionString = builder.Configuration.GetConnectionString("O2O");
        builder.Services.Configure<DatabaseOptions>(o => o.Provider = provider);
        builder.Services.AddSingleton<AfterCommitInterceptor>();
        switch (provider)
        {
            case DatabaseOptions.Sqlite:
                connectionString = PrepareSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddSingleton<SqliteWriteQueue>();
                builder.Services.AddDbContextPool<SqliteO2oDb>((sp, o) => ConfigureSqlite(o, connectionString)
                    .AddInterceptors(sp.GetRequiredService<SqliteWriteQueue>(), sp.GetRequiredService<AfterCommitInterceptor>()));
                builder.Services.AddScoped<O2oDb>(sp => sp.GetRequiredService<SqliteO2oDb>());
                break;
            case DatabaseOptions.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:O2O is not set.");
                builder.Services.AddDbContextPool<PostgresO2oDb>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<AfterCommitInterceptor>()));
                builder.Services.AddScoped<O2oDb>(sp => sp.GetRequiredService<PostgresO2oDb>());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}', not '{provider}'.");
        }
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("platform_migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("platform_migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// A relative database file lives under the content root (the server project folder under <c>dotnet run</c>), wherever
    /// the command was started; its folder is created, and a busy database is waited on instead of failing at once.
    /// </summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase)) csb.DefaultTimeout = 60;
        return csb.ToString();
    }

    /// <summary>Applies the migrations of the configured provider.</summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        // Asking a fresh database for its applied migrations logs a failed query; a missing history means all are pending.
        var pending = await db.GetService<IHistoryRepository>().ExistsAsync(ct)
            ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList()
            : db.Database.GetMigrations().ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {Count} database migration(s) on {Provider}: {Migrations}", pending.Count, db.Database.ProviderName, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Runs start-up work (migrations, first admin, demo data) on one node at a time: on PostgreSQL under a
    /// session advisory lock, so nodes that start together wait and then find the work done.
    /// </summary>
    public static async Task RunExclusivelyAsync(IServiceProvider services, Func<Task> work, CancellationToken ct)
    {
        string? postgres;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
            postgres = db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null;
        }
        if (postgres is null)
        {
            await work();
            return;
        }
        await using var connection = new Npgsql.NpgsqlConnection(postgres);
        await connection.OpenAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteO2oDb</c> build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteO2oDb>
{
    public SqliteO2oDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteO2oDb>();
        Database.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteO2oDb(options.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresO2oDb>
{
    public PostgresO2oDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresO2oDb>();
        Database.ConfigurePostgres(options, "Host=localhost;Database=o2o_design");
        return new PostgresO2oDb(options.Options);
    }
}
