using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>A merchant follows one group buy per pickup point: orders, units, where each order stands, commissions earned.</summary>
internal static class CampaignReport
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/group-buy/campaigns/{campaignId}", Handle).RequireAuthorization(Policies.Admin).WithTags("Group buying")
            .WithSummary("One group buy of my merchant, per pickup point: orders, units, orders by status and commissions");

    private static async Task<IResult> Handle(string campaignId, ClaimsPrincipal principal, O2oDb db, IOrdering ordering, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var campaign = Guid.TryParse(campaignId, out var id) ? await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (campaign is null || !(actor.IsPlatformAdmin || actor.MerchantId == campaign.MerchantId)) return GroupBuyingErrors.CampaignNotFound.ToProblem();
        var joins = await db.Set<Participation>().AsNoTracking().Where(p => p.CampaignId == id).ToListAsync(ct);
        var statuses = await ordering.StatusesAsync(joins.Select(p => p.OrderId).ToList(), ct);
        var leaderIds = joins.Select(p => p.LeaderId).Distinct().ToList();
        var leaders = await db.Set<Leader>().AsNoTracking().Where(l => leaderIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var commissions = (await db.Set<LeaderCommission>().AsNoTracking().Where(c => c.CampaignId == id).Select(c => new { c.LeaderId, c.AmountFen }).ToListAsync(ct))
            .GroupBy(c => c.LeaderId).ToDictionary(g => g.Key, g => g.Sum(c => c.AmountFen));
        var points = joins.GroupBy(p => p.LeaderId).OrderBy(g => leaders[g.Key].PickupPointName, StringComparer.Ordinal)
            .Select(g => new PickupPointReport(leaders[g.Key].PickupPoint(), g.Count(), g.Sum(p => p.Quantity),
                g.GroupBy(p => statuses.GetValueOrDefault(p.OrderId, "unknown")).ToDictionary(s => s.Key, s => s.Count()),
                commissions.GetValueOrDefault(g.Key)))
            .ToArray();
        return Results.Ok(new CampaignReportResponse(campaign.ToResponse(), points));
    }
}
