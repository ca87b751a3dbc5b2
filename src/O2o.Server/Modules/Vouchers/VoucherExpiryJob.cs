using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>Vouchers past their date with uses left are closed and their unused value refunded (过期退), on any node, each once.</summary>
internal sealed class VoucherExpiry(O2oDb db, EventBus events)
{
    public async Task<int> ExpireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<Voucher>().AsNoTracking().Where(x => x.Status == VoucherStatus.Active && x.ValidUntil <= now)
            .OrderBy(x => x.ValidUntil).Take(100).ToListAsync(ct);
        var expired = 0;
        foreach (var voucher in due)
            if (await db.InTransactionAsync(() => CustomerVouchers.GiveBackAsync(db, events, voucher, VoucherStatus.Expired, "expired unused 过期未使用", now, ct), r => r, ct))
                expired++;
        return expired;
    }
}

internal sealed class VoucherExpiryJob(IServiceScopeFactory scopes, IOptions<VouchersOptions> options, TimeProvider clock, ILogger<VoucherExpiryJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var expired = await scope.ServiceProvider.GetRequiredService<VoucherExpiry>().ExpireDueAsync(clock.GetUtcNow(), stoppingToken);
                if (expired > 0) logger.LogInformation("Expired and refunded {Count} vouchers", expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Voucher expiry failed; it runs again in {Interval}", options.Value.ExpiryInterval);
            }
        }
    }
}
