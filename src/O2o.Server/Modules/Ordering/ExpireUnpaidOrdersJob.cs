using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>
/// Cancels orders left unpaid past their deadline and releases their stock. Works from the database, so it
/// picks up after a restart; safe on several nodes because each cancel is a versioned state change.
/// </summary>
internal sealed class ExpireUnpaidOrdersJob(IServiceScopeFactory scopes, IOptions<OrderingOptions> options, TimeProvider clock, ILogger<ExpireUnpaidOrdersJob> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryScanInterval, clock);
        do
        {
            try
            {
                while (await ExpireDueAsync(stoppingToken) == Batch) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring unpaid orders failed; trying again in {Interval}", options.Value.ExpiryScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<Order>().AsNoTracking().IgnoreAutoIncludes()
                .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentDeadline <= now)
                .OrderBy(o => o.PaymentDeadline).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        }
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<OrderWorkflow>()
                .MoveAsync(id, OrderStatus.Cancelled, "payment_timeout", o => o.Status == OrderStatus.PendingPayment ? null : OrderingErrors.OrderChanged, ct);
            if (result.IsSuccess) logger.LogInformation("Order {OrderId} expired unpaid; its stock is released", id);
        }
        return due.Count;
    }
}
