using System.Text.RegularExpressions;
using O2o.Server.Platform;

namespace O2o.Tests.Platform;

public sealed partial class ProblemTextTests
{
    [Fact]
    public void Every_error_code_in_the_server_has_a_chinese_text()
    {
        var root = Path.Combine(FindRepositoryRoot(), "src", "O2o.Server");
        var codes = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal))
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        Assert.True(codes.Count >= 30, $"Only {codes.Count} codes found: the pattern no longer matches how errors are written.");
        var missing = codes.Where(c => !ProblemTexts.Has(c)).Order().ToList();
        Assert.True(missing.Count == 0, "No Chinese text for: " + string.Join(", ", missing));
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "O2o.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("O2o.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"Error\.(?:Conflict|NotFound|Unprocessable)\(""(?<code>[a-z]+(?:_[a-z]+)*)""|new(?: Error)?\(""(?<code>[a-z]+(?:_[a-z]+)*)"", \d{3},")]
    private static partial Regex ErrorCode();
}
