using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// At the cutoff a campaign stops taking orders, its unpaid orders are cancelled and the paid ones decide: reached, they are
/// batched into one delivery per pickup point; not reached, every one is cancelled, which releases the stock and refunds the
/// payment. Each step is conditional on the one before and each order move on the order's own status, so several nodes, a
/// crash half-way or a rerun finish the same campaign the same way.
/// </summary>
internal sealed class CampaignClosing(O2oDb db, IOrdering ordering, ILogger<CampaignClosing> logger)
{
    public async Task<int> CloseDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<Campaign>().AsNoTracking()
            .Where(c => (c.Status == CampaignStatus.Open && c.CutoffAt <= now) || c.Status == CampaignStatus.Closing
                || ((c.Status == CampaignStatus.Succeeded || c.Status == CampaignStatus.Failed) && c.SettledAt == null))
            .OrderBy(c => c.CutoffAt).Take(20).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in due) await CloseAsync(id, now, ct);
        return due.Count;
    }

    private async Task CloseAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await db.Set<Campaign>().Where(c => c.Id == campaignId && c.Status == CampaignStatus.Open && c.CutoffAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Closing), ct);
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var joins = await db.Set<Participation>().AsNoTracking().Where(p => p.CampaignId == campaignId).ToListAsync(ct);
        var orderIds = joins.Select(p => p.OrderId).ToList();

        if (campaign.Status == CampaignStatus.Closing)
        {
            // Unpaid at the cutoff is too late; one paid meanwhile stays paid (the move is conditional on pending payment).
            var statuses = await ordering.StatusesAsync(orderIds, ct);
            foreach (var p in joins.Where(p => statuses.GetValueOrDefault(p.OrderId) == GroupBuyOrders.PendingPayment))
                await ordering.MoveGroupBuyOrderAsync(p.OrderId, GroupBuyOrders.PendingPayment, GroupBuyOrders.Cancelled, "unpaid at the group buy's cutoff 截单时未支付", ct);
            statuses = await ordering.StatusesAsync(orderIds, ct);
            var paid = joins.Where(p => statuses.GetValueOrDefault(p.OrderId) == GroupBuyOrders.Paid).ToList();
            await DecideAsync(campaign, paid, now, ct);
            campaign = await db.Set<Campaign>().AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        }

        if (campaign.Status == CampaignStatus.Succeeded)
        {
            joins = await db.Set<Participation>().AsNoTracking().Where(p => p.CampaignId == campaignId && p.DeliveryId != null).ToListAsync(ct);
            foreach (var p in joins)
                await MoveIfStillAsync(p.OrderId, GroupBuyOrders.Paid, GroupBuyOrders.Preparing, "group buy succeeded: on its way to the pickup point 已成团，将配送至团长自提点", ct);
        }
        else if (campaign.Status == CampaignStatus.Failed)
        {
            foreach (var p in joins)
                await MoveIfStillAsync(p.OrderId, GroupBuyOrders.Paid, GroupBuyOrders.Cancelled, "group buy failed: minimum not reached, refunded 未成团，自动退款", ct);
        }
        if (campaign.Status is CampaignStatus.Succeeded or CampaignStatus.Failed)
            await db.Set<Campaign>().Where(c => c.Id == campaignId && c.SettledAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.SettledAt, now), ct);
    }

    /// <summary>The outcome and, when reached, the deliveries: written once, by whoever moves the campaign out of closing.</summary>
    private async Task DecideAsync(Campaign campaign, List<Participation> paid, DateTimeOffset now, CancellationToken ct)
    {
        var participants = paid.Select(p => p.CustomerId).Distinct().Count();
        var units = paid.Sum(p => p.Quantity);
        var reached = campaign.Reached(participants, units);
        await db.InTransactionAsync(async () =>
        {
            var decided = await db.Set<Campaign>().Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Closing)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, reached ? CampaignStatus.Succeeded : CampaignStatus.Failed)
                    .SetProperty(c => c.PaidParticipants, participants).SetProperty(c => c.PaidUnits, units).SetProperty(c => c.ClosedAt, now), ct);
            if (decided == 0 || !reached) return decided;
            foreach (var point in paid.GroupBy(p => p.LeaderId))
            {
                var delivery = new Delivery
                {
                    CampaignId = campaign.Id, LeaderId = point.Key, StoreId = campaign.StoreId, Orders = point.Count(), Units = point.Sum(p => p.Quantity), CreatedAt = now,
                };
                db.Add(delivery);
                var ids = point.Select(p => p.OrderId).ToList();
                await db.Set<Participation>().Where(p => ids.Contains(p.OrderId)).ExecuteUpdateAsync(u => u.SetProperty(p => p.DeliveryId, delivery.Id), ct);
            }
            await db.SaveChangesAsync(ct);
            return decided;
        }, _ => true, ct);
        logger.LogInformation("Group buy {CampaignId} {Outcome}: {Participants} participants, {Units} units paid", campaign.Id,
            reached ? "succeeded" : "failed", participants, units);
    }

    private async Task MoveIfStillAsync(Guid orderId, string from, string to, string note, CancellationToken ct)
    {
        // An order already moved (a rerun) or cancelled by its customer is left as it is.
        if (await ordering.MoveGroupBuyOrderAsync(orderId, from, to, note, ct) is { } refused && refused.Code != "invalid_order_status")
            logger.LogWarning("Group-buy order {OrderId} not moved to {Status}: {Code}", orderId, to, refused.Code);
    }
}

internal sealed class CloseCampaignsJob(IServiceScopeFactory scopes, IOptions<GroupBuyingOptions> options, TimeProvider clock, ILogger<CloseCampaignsJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CloseInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<CampaignClosing>().CloseDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Closing group buys failed; trying again in {Interval}", options.Value.CloseInterval);
            }
        }
    }
}
