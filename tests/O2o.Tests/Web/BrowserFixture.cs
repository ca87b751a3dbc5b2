using Microsoft.Playwright;
using O2o.Tests.Support;

namespace O2o.Tests.Web;

/// <summary>
/// One real server (Kestrel on a free port, the demo world seeded) and one headless Debian Chromium, shared by every
/// browser test: a browser cannot talk to an in-memory test host.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"o2o-web-{Guid.NewGuid():N}");
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _skipReason;

    public string Url => Ready()._server!.Url;
    public IBrowser Browser => Ready()._browser!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _skipReason = $"{ChromiumPath} is missing: install Debian's chromium package to run the browser tests.";
            return;
        }
        _server = await ServerProcess.StartAsync(_root, new Dictionary<string, string>
        {
            ["ConnectionStrings:O2O"] = $"Data Source={Path.Combine(_root, "o2o.db")}",
            ["Demo:Seed"] = "true",
            ["Admin:Email"] = "admin@o2o.demo",
            ["Admin:Password"] = "Admin123!",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        // The interactive pages answer through a server that shares two cores with the whole suite: expectations wait as long as actions do.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (its own cookies and storage: one person) at phone or desk width.</summary>
    public async Task<IPage> NewPageAsync(int width = 390, int height = 844, string? language = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Url,
            ViewportSize = new() { Width = width, Height = height },
            Locale = language ?? "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public string ServerOutput => _server?.Output ?? "";

    private BrowserFixture Ready()
    {
        if (_skipReason is not null) Assert.Skip(_skipReason);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
