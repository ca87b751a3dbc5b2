using Microsoft.Playwright;

namespace O2o.Tests.Web;

/// <summary>Screenshots: of the failing page always (under artifacts/), and of the consoles for the README when asked.</summary>
public static class Screens
{
    private static readonly string Root = FindRoot();

    /// <summary>Runs a browser scenario; on failure the pages are photographed before the exception goes on.</summary>
    public static async Task OnFailureAsync(string name, Func<Task> scenario, params IPage[] pages)
    {
        try { await scenario(); }
        catch
        {
            var folder = Path.Combine(Root, "artifacts", "browser-failures");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < pages.Length; i++)
            {
                try { await pages[i].ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{i}.png"), FullPage = true }); }
                catch (PlaywrightException) { }
            }
            throw;
        }
    }

    /// <summary>The README's pictures are refreshed only with O2O_SCREENSHOTS=1, so ordinary runs leave the tree clean.</summary>
    public static async Task ForReadmeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("O2O_SCREENSHOTS") != "1") return;
        var folder = Path.Combine(Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), Type = ScreenshotType.Png });
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "O2o.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }
}
