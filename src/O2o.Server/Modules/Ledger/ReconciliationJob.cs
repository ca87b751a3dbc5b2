using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

/// <summary>
/// Reconciles yesterday (Beijing) for every gateway that publishes bills, once the bills are out (after
/// <c>Ledger:ReconcileAfterHour</c>, WeChat's are ready about 10:00). A day already reconciled is not run again.
/// </summary>
internal sealed class ReconciliationJob(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<ReconciliationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconciliationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var beijing = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
            if (beijing.Hour < options.Value.ReconcileAfterHour) continue;
            var day = DateOnly.FromDateTime(beijing.Date).AddDays(-1);
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
                foreach (var method in scope.ServiceProvider.GetRequiredService<IPaymentBills>().Methods)
                {
                    var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    if (await db.Set<LedgerReconciliation>().AnyAsync(r => r.Method == method && r.Day == text, stoppingToken)) continue;
                    var report = await scope.ServiceProvider.GetRequiredService<Reconciliations>().RunAsync(method, day, stoppingToken);
                    if (report.IsSuccess && report.Value.Mismatches.Count > 0)
                        logger.LogWarning("Reconciliation of {Method} on {Day}: {Count} mismatches", method, text, report.Value.Mismatches.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reconciliation failed; trying again in {Interval}", options.Value.ReconciliationInterval);
            }
        }
    }
}
