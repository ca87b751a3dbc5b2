using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace O2o.Server.Platform;

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}

/// <summary><c>/health/live</c>: the process answers; <c>/health</c> and <c>/health/ready</c>: it can also reach its database.</summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write };
        app.MapHealthChecks("/health", ready);
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write });
    }

    private static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description }),
        }, JsonSerializerOptions.Web));
    }
}
