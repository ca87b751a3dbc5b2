using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Modules.Promotions;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// A campaign's results from Engagement's own purchases: a target converted when they paid an order within the attribution window after
/// launch; GMV is net of refunds. The control group tells what the treatment group would have done anyway.
/// </summary>
internal sealed class CampaignReports(O2oDb db, IPromotions promotions, TimeProvider clock)
{
    public async Task<MarketingCampaignReportResponse> ReportAsync(Campaign campaign, bool english, CancellationToken ct)
    {
        var name = english && campaign.NameEn is { Length: > 0 } ? campaign.NameEn : campaign.NameZh;
        if (campaign.LaunchedAt is not { } launched)
            return new MarketingCampaignReportResponse(campaign.Id.ToString(), name, campaign.Status, null, null, false, 0, 0, [], Empty, Empty, null, null, null, 0, null,
                english ? "Not launched yet." : "活动尚未发送。");

        var windowEnd = launched.AddDays(campaign.AttributionDays);
        var targets = await db.Set<CampaignTarget>().AsNoTracking().Where(t => t.CampaignId == campaign.Id).ToListAsync(ct);
        var gmv = await db.Set<CampaignTarget>().AsNoTracking().Where(t => t.CampaignId == campaign.Id)
            .Join(db.Set<Purchase>().Where(p => p.PaidAt >= launched && p.PaidAt < windowEnd), t => t.CustomerId, p => p.CustomerId,
                (t, p) => new { t.CustomerId, Net = p.AmountFen - p.RefundedFen })
            .GroupBy(x => x.CustomerId).Select(g => new { g.Key, Fen = g.Sum(x => x.Net) }).ToDictionaryAsync(g => g.Key, g => g.Fen, ct);
        var treatment = targets.Where(t => !t.InControl).Select(t => (double)gmv.GetValueOrDefault(t.CustomerId)).ToList();
        var control = targets.Where(t => t.InControl).Select(t => (double)gmv.GetValueOrDefault(t.CustomerId)).ToList();

        var deliveries = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == campaign.Id)
            .GroupBy(d => new { d.Channel, d.Sent }).Select(g => new { g.Key.Channel, g.Key.Sent, Count = g.Count() }).ToListAsync(ct);
        var reached = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == campaign.Id && d.Sent).Select(d => d.CustomerId).Distinct().CountAsync(ct);
        var channels = campaign.Channels.Select(c => new MarketingCampaignChannelFigures(c, deliveries.Where(d => d.Channel == c && d.Sent).Sum(d => d.Count),
            deliveries.Where(d => d.Channel == c && !d.Sent).Sum(d => d.Count))).ToArray();

        var gmvUplift = UpliftStatistics.Compare(treatment, control);
        var conversionUplift = UpliftStatistics.Compare([.. treatment.Select(x => x > 0 ? 1.0 : 0.0)], [.. control.Select(x => x > 0 ? 1.0 : 0.0)]);
        var incremental = gmvUplift?.Times(treatment.Count);
        var cost = campaign.CouponPromotionId is { } promotionId
            ? await promotions.CouponDiscountFenAsync(promotionId, [.. targets.Where(t => !t.InControl).Select(t => t.CustomerId)], launched, ct)
            : 0;
        double? roi = cost > 0 && incremental is not null ? Math.Round((incremental.Difference - cost) / cost, 2) : null;
        var note = gmvUplift is null
            ? english ? "A group has fewer than 2 customers: the uplift cannot be estimated." : "实验组或对照组不足 2 人，无法估计增量。"
            : clock.GetUtcNow() < windowEnd ? english ? "The attribution window is still open: figures will grow." : "归因窗口尚未结束，数据仍会增长。" : null;

        return new MarketingCampaignReportResponse(campaign.Id.ToString(), name, campaign.Status, launched, windowEnd, clock.GetUtcNow() >= windowEnd, targets.Count, reached,
            channels, Figures(treatment), Figures(control),
            conversionUplift is null ? null : new RateEstimate(Math.Round(conversionUplift.Difference, 4), Math.Round(conversionUplift.Low, 4), Math.Round(conversionUplift.High, 4)),
            Money(gmvUplift), Money(incremental), cost, roi, note);
    }

    private static readonly MarketingCampaignGroupFigures Empty = new(0, 0, 0, 0, 0);

    private static MarketingCampaignGroupFigures Figures(List<double> gmv)
    {
        var converted = gmv.Count(x => x > 0);
        var total = (long)gmv.Sum();
        return new MarketingCampaignGroupFigures(gmv.Count, converted, gmv.Count == 0 ? 0 : Math.Round((double)converted / gmv.Count, 4), total,
            gmv.Count == 0 ? 0 : (long)Math.Round((double)total / gmv.Count));
    }

    private static MoneyEstimate? Money(Uplift? u) =>
        u is null ? null : new MoneyEstimate((long)Math.Round(u.Difference), (long)Math.Round(u.Low), (long)Math.Round(u.High));
}
