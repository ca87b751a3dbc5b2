using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

[assembly: AssemblyFixture(typeof(O2o.Tests.Support.RedisServer))]

namespace O2o.Tests.Support;

/// <summary>A throwaway Redis from the installed redis-server on a free port, without persistence; absent binaries skip.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private string? _dir;

    public string? SkipReason { get; private set; }
    public string? ConnectionString { get; private set; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The connection string, or null where redis-server is not installed (see <see cref="SkipReason"/>).</summary>
    public async Task<string?> StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (ConnectionString is not null || SkipReason is not null) return ConnectionString;
            var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
            if (binary is null)
            {
                SkipReason = "redis-server was not found: install Debian's redis-server package to run these tests.";
                return null;
            }
            _dir = Path.Combine(Path.GetTempPath(), $"o2o-redis-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_dir);
            var port = FreePort();
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir };
            foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _dir, "--protected-mode", "no" })
                start.ArgumentList.Add(a);
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
            _process.OutputDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    ConnectionString = $"127.0.0.1:{port}";
                    return ConnectionString;
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }
            throw new InvalidOperationException("redis-server did not accept connections within 5 seconds.");
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        if (_dir is not null && Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
