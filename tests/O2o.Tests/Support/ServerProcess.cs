using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace O2o.Tests.Support;

/// <summary>
/// A real server process (Kestrel on a loopback port), for what one in-memory host cannot show: several nodes
/// on one database, and a kill -9 in the middle of work.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public string Output { get { lock (_output) return string.Join('\n', _output.TakeLast(80)); } }

    public static async Task<ServerProcess> StartAsync(string contentRoot, IDictionary<string, string> settings, int? port = null)
    {
        var url = $"http://127.0.0.1:{port ?? FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "O2o.Server.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Admin__Email"] = O2oApp.AdminEmail;
        start.Environment["Admin__Password"] = O2oApp.AdminPassword;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Payments__Sandbox__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        Directory.CreateDirectory(contentRoot);

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 900; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{server.Output}");
            try
            {
                if ((await http.GetAsync(new Uri($"{url}/health"))).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"The server at {url} was not healthy within 90 seconds:\n{server.Output}");
    }

    public Api Client() => new(new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
