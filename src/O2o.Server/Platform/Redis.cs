using StackExchange.Redis;

namespace O2o.Server.Platform;

/// <summary>
/// Redis, where several server nodes must share fast state (the flash-sale gate). Optional: without
/// <c>ConnectionStrings:Redis</c> each node keeps that state in process, which is right for one node.
/// </summary>
public static class Redis
{
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    public static void AddO2oRedis(this WebApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration)) return;
        var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis")!);
        options.AbortOnConnectFail = false; // keep retrying in the background; the gate falls back to the database meanwhile
        options.ClientName = $"o2o-{Environment.MachineName}-{Environment.ProcessId}";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
    {
        public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"redis reachable in {latency.TotalMilliseconds:0.0} ms");
            }
            catch (RedisException ex)
            {
                return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("Redis cannot be reached.", ex);
            }
        }
    }
}
