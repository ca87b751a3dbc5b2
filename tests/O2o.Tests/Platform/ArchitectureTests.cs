using System.Text.RegularExpressions;

namespace O2o.Tests.Platform;

/// <summary>
/// The rules of ../shared/docs/architecture.md that a compiler cannot see in one assembly: a module's only public
/// surface is its *Api.cs (plus its *Module.cs registration and *Demo.cs seeding), other modules use nothing else
/// of it, and it keeps to tables with its own prefix.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string ModulesRoot = Path.Combine(FindRepositoryRoot(), "src", "O2o.Server", "Modules");

    private static readonly Dictionary<string, string[]> Modules = Directory.GetDirectories(ModulesRoot)
        .ToDictionary(d => Path.GetFileName(d)!, d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories));

    [Fact]
    public void Public_types_of_a_module_live_only_in_its_api_module_or_demo_files()
    {
        var offenders = Modules.SelectMany(m => m.Value)
            .Where(f => !Regex.IsMatch(Path.GetFileName(f), @"(Api|Module|Demo)\.cs$"))
            .SelectMany(f => PublicType().Matches(Code(f)).Select(t => $"{Path.GetFileName(f)}: {t.Groups["name"].Value}"))
            // Identity's user type must be public because the database context is.
            .Where(o => o != "AccountsPersistence.cs: AppUser")
            .ToList();
        Assert.True(offenders.Count == 0, "Public types outside a module's API: " + string.Join(", ", offenders));
    }

    [Fact]
    public void A_module_uses_nothing_internal_of_another()
    {
        var internals = Modules.ToDictionary(m => m.Key, m => m.Value.SelectMany(f => InternalType().Matches(Code(f)).Select(t => t.Groups["name"].Value)).ToHashSet());
        var offenders = new List<string>();
        foreach (var (module, files) in Modules)
            foreach (var file in files)
            {
                var code = Code(file);
                foreach (var (other, names) in internals.Where(i => i.Key != module && code.Contains($"O2o.Server.Modules.{i.Key}", StringComparison.Ordinal)))
                    foreach (var name in names.Where(n => Regex.IsMatch(code, $@"(?<![.\w]){n}\b") && !internals[module].Contains(n)))
                        offenders.Add($"{module}/{Path.GetFileName(file)} uses {other}.{name}");
            }
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Each_module_maps_only_tables_with_its_own_prefix()
    {
        var tables = Modules.SelectMany(m => m.Value.SelectMany(f => TableName().Matches(File.ReadAllText(f))
            .Select(t => (Module: m.Key, File: Path.GetFileName(f), Table: t.Groups["table"].Value)))).ToList();
        Assert.True(tables.Count >= 15, $"Only {tables.Count} mapped tables were found.");
        var offenders = tables.Where(t => !t.Table.StartsWith(t.Module.ToLowerInvariant() + "_", StringComparison.Ordinal))
            .Select(t => $"{t.Module}/{t.File}: {t.Table}").ToList();
        Assert.True(offenders.Count == 0, "Tables without their module's prefix: " + string.Join(", ", offenders));
        Assert.True(Modules.Count >= 7, "The modules folder was not found where expected.");
    }

    /// <summary>The code without comments and string literals, so words in prose do not count as uses.</summary>
    private static string Code(string file) => CommentLine().Replace(StringLiteral().Replace(File.ReadAllText(file), "\"\""), "");

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "O2o.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("O2o.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"^public (?:sealed |static |abstract |partial |readonly )*(?:class|record|interface|enum|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^\s*internal (?:sealed |static |abstract |partial |readonly )*(?:class|record|interface|enum|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex InternalType();

    [GeneratedRegex(@"ToTable\(""(?<table>[a-z_]+)""")]
    private static partial Regex TableName();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex CommentLine();
}
