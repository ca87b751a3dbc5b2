using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// Lost notifications: asks the gateway about payments pending longer than <c>Payments:QueryPendingAfter</c> and settles
/// or closes them through the same path a notification takes. Safe on several nodes: every settlement is conditional.
/// </summary>
internal sealed class PaymentRecoveryJob(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider clock, ILogger<PaymentRecoveryJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var recovery = scope.ServiceProvider.GetRequiredService<PaymentRecovery>();
                await recovery.RecoverAsync(options.Value.QueryPendingAfter, stoppingToken);
                await recovery.RecoverRefundsAsync(options.Value.QueryPendingAfter, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recovering pending payments failed; trying again in {Interval}", options.Value.RecoveryInterval);
            }
        }
    }
}

internal sealed class PaymentRecovery(O2oDb db, IEnumerable<IPaymentGateway> gateways, PaymentNotifications notifications, Refunds refunds,
    TimeProvider clock, ILogger<PaymentRecovery> logger)
{
    private const int Batch = 50;

    /// <summary>Settles or closes what the gateways say of payments pending longer than <paramref name="olderThan"/>; how many changed.</summary>
    public async Task<int> RecoverAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - olderThan;
        var methods = gateways.Where(g => g.IsAvailable && g.Method != SandboxGateway.Name).Select(g => g.Method).ToList();
        var due = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt <= before && methods.Contains(p.Method))
            .OrderBy(p => p.CreatedAt).Take(Batch).ToListAsync(ct);
        var changed = 0;
        foreach (var payment in due)
        {
            var gateway = gateways.First(g => g.Method == payment.Method);
            var trade = await gateway.QueryAsync(payment, ct);
            if (!trade.IsSuccess) continue;
            var outcome = trade.Value.State switch
            {
                TradeState.Paid => await SettleAsync(payment, trade.Value, ct),
                TradeState.Closed => await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Closed), ct) == 1 ? "closed_by_query" : null,
                _ => null,
            };
            if (outcome is null) continue;
            changed++;
            db.ChangeTracker.Clear();
            db.Add(new PaymentNotification
            {
                Gateway = payment.Method, ReceivedAt = clock.GetUtcNow(), Headers = "{}", PaymentId = payment.Id, Outcome = outcome,
                Body = JsonSerializer.Serialize(new { query = trade.Value.State.ToString(), trade.Value.TradeNo, trade.Value.AmountFen }),
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Payment {PaymentId}: {Outcome}", payment.Id, outcome);
        }
        return changed;
    }

    /// <summary>Confirms or fails refunds still processing after <paramref name="olderThan"/> by asking their gateway; how many changed.</summary>
    public async Task<int> RecoverRefundsAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - olderThan;
        var due = await db.Set<Refund>().AsNoTracking().Where(r => r.Status == RefundStatus.Processing && r.CreatedAt <= before)
            .OrderBy(r => r.CreatedAt).Take(Batch).ToListAsync(ct);
        var changed = 0;
        foreach (var refund in due)
        {
            var payment = await db.Set<Payment>().AsNoTracking().FirstAsync(p => p.Id == refund.PaymentId, ct);
            if (gateways.FirstOrDefault(g => g.Method == payment.Method && g.IsAvailable) is not { } gateway) continue;
            var state = await gateway.QueryRefundAsync(payment, refund, ct);
            if (!state.IsSuccess || state.Value == RefundState.Processing) continue;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await refunds.CompleteAsync(refund.Id, state.Value == RefundState.Succeeded, null, ct)) changed++;
            await transaction.CommitAsync(ct);
            logger.LogInformation("Refund {RefundId}: {State} by query", refund.Id, state.Value);
        }
        return changed;
    }

    private async Task<string> SettleAsync(Payment payment, GatewayTrade trade, CancellationToken ct)
    {
        if (trade.AmountFen != payment.AmountFen) return "query_amount_mismatch_flagged_for_review";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var notice = new GatewayNotice(payment.Id, trade.TradeNo ?? "", trade.AmountFen, payment.Currency, true, trade.PaidAt ?? clock.GetUtcNow());
        var tracked = await db.Set<Payment>().FirstAsync(p => p.Id == payment.Id, ct);
        var (_, outcome) = await notifications.ApplyPaymentAsync(tracked, notice, transaction, ct);
        return $"{outcome}_by_query";
    }
}
