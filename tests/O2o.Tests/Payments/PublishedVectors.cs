using System.Text.Json.Nodes;

namespace O2o.Tests.Payments;

/// <summary>The published test vectors of ../shared/docs/payments-fixtures (copied into Fixtures/), read by id.</summary>
internal static class PublishedVectors
{
    public static readonly string Folder = Path.Combine(FindRepositoryRoot(), "tests", "O2o.Tests", "Payments", "Fixtures");

    public static JsonNode Vector(string idPrefix) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "vectors.json")))!["vectors"]!.AsArray()
            .First(v => v!["id"]!.GetValue<string>().StartsWith(idPrefix, StringComparison.Ordinal))!;

    public static string Pem(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static string WeChatTestPrivateKey => Pem("wechatpay_official_test_private_key.pem");
    public static string WeChatTestPublicKey => Pem("wechatpay_official_test_public_key.pem");

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "O2o.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("O2o.slnx not found above the test binaries.");
    }
}

/// <summary>A clock standing still at a chosen instant, for signatures whose freshness is checked.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
