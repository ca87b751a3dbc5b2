namespace O2o.Tests.Support;

/// <summary>The real gateway adapters pointed at this server's own simulators, with keys generated at start.</summary>
internal static class GatewaySettings
{
    public static readonly KeyValuePair<string, string?>[] Simulated =
    [
        new("Payments:WeChatPay:Simulated", "true"),
        new("Payments:Alipay:Simulated", "true"),
        new("Payments:UnionPay:Simulated", "true"),
        new("Payments:PublicBaseUrl", "http://localhost"),
        // The recovery job is driven by the tests themselves, so nothing settles behind their back.
        new("Payments:QueryPendingAfter", "01:00:00"),
    ];
}

public sealed class GatewaysSqliteApp() : AppFixture(DatabaseKind.Sqlite, null)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => GatewaySettings.Simulated;
}

public sealed class GatewaysPostgresApp(PostgresCluster cluster) : AppFixture(DatabaseKind.Postgres, cluster)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => GatewaySettings.Simulated;
}
