using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace O2o.Tests.Support;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>The real server in memory, on its own database.</summary>
public sealed class O2oApp(DatabaseKind kind, string connectionString, IEnumerable<KeyValuePair<string, string?>> settings) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.o2o";
    public const string AdminPassword = "Admin-Test-123";

    public DatabaseKind Kind => kind;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", kind == DatabaseKind.Sqlite ? "sqlite" : "postgres");
        builder.UseSetting("ConnectionStrings:O2O", connectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Payments:Sandbox:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Payments:Sandbox:NotifyBaseUrl", "http://localhost");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // The sandbox calls back over HTTP; in the test host that HTTP goes into the in-memory server.
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient("sandbox-notify").ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            // Gateway adapters call the simulators, and the simulators call back, inside the same in-memory server.
            services.AddHttpClient("payments-gateways").ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }
}
