using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(O2o.Tests.Support.PostgresCluster))]

namespace O2o.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster from the installed server binaries: initdb into a temp folder, a free port,
/// stopped and deleted at the end. Started on first use; absent binaries skip the PostgreSQL tests with a reason.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _root;
    private string? _bin;
    private int _port;
    private bool _started;
    private int _databases;

    public string? SkipReason { get; private set; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A new empty database, or null where PostgreSQL is not installed (see <see cref="SkipReason"/>).</summary>
    public async Task<string?> TryCreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        if (SkipReason is not null) return null;
        var name = $"o2o_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Maximum Pool Size=60;Timeout=30;Command Timeout=60";

    private async Task EnsureStartedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_started || SkipReason is not null) return;
            _bin = FindBinaries();
            if (_bin is null)
            {
                SkipReason = "PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian's postgresql package to run these tests.";
                return;
            }
            _root = Path.Combine(Path.GetTempPath(), $"o2o-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_root);
            var asRoot = Environment.UserName == "root";
            if (asRoot) await RunAsync("chown", ["postgres:postgres", _root]);
            _port = FreePort();
            var data = Path.Combine(_root, "data");
            await RunPgAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
            await RunPgAsync(asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
                $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400", "start"]);
            _started = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && _root is not null)
        {
            try { await RunPgAsync(Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { /* already gone */ }
        }
        if (_root is not null && Directory.Exists(_root))
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _gate.Dispose();
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("O2O_PG_BIN") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "initdb")))
            return configured;
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version).FirstOrDefault();
            if (newest.Dir is not null) return newest.Dir;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>PostgreSQL refuses to run as root, so as root the tools run as the postgres user.</summary>
    private Task RunPgAsync(bool asRoot, string tool, string[] args) =>
        asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. args])
            : RunAsync(Path.Combine(_bin!, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout} {await stderr}");
    }
}
