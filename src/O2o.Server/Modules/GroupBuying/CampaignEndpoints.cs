using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>Merchants start group buys; anyone may look at the open ones, or at one through a leader's share link.</summary>
internal static class CampaignEndpoints
{
    public const int MaxMinimum = 100_000, MaxCommissionBasisPoints = 5_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/group-buy/campaigns").RequireAuthorization(Policies.Admin).WithTags("Group buying");
        admin.MapPost("", Create).WithSummary("Start a group buy: product, supplying store, group price, minimum participants and/or units, order cutoff, leader commission");
        admin.MapGet("", List).WithSummary("Group buys of my merchant (every merchant for platform admins), newest first, with joined and paid counts");

        var open = api.MapGroup("/group-buy/campaigns").AllowAnonymous().WithTags("Group buying");
        open.MapGet("", ListOpen).WithSummary("Group buys taking orders, soonest cutoff first (with leader=<share code>: that leader's merchant only)");
        open.MapGet("/{campaignId}", Get).WithSummary("A group buy; through a share link (leader=<share code>) with the leader's pickup point");
    }

    private static async Task<IResult> Create(CreateCampaignRequest request, ClaimsPrincipal principal, O2oDb db, ICatalog catalog, IStores stores,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validation().Id("productId", request.ProductId, out var productId).Id("storeId", request.StoreId, out var storeId)
            .Range("groupPriceFen", request.GroupPriceFen, 1, CatalogLimits.MaxPriceFen)
            .Range("minParticipants", request.MinParticipants, 1, MaxMinimum, required: false).Range("minUnits", request.MinUnits, 1, MaxMinimum, required: false)
            .Range("commissionBasisPoints", request.CommissionBasisPoints, 0, MaxCommissionBasisPoints).Text("title", request.Title, 200, required: false);
        if (request.MinParticipants is null && request.MinUnits is null) v.Add("minParticipants", "Give minParticipants, minUnits or both.");
        if (request.CutoffAt is null) v.Add("cutoffAt", "Required.");
        else if (Campaign.WholeSecond(request.CutoffAt.Value) <= now) v.Add("cutoffAt", "Must be in the future.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var actor = Actor.From(principal);
        var store = await stores.FindAsync(storeId, ct);
        if (store is null || !(actor.IsPlatformAdmin || actor.MerchantId == store.MerchantId)) return GroupBuyingErrors.StoreNotFound.ToProblem();
        var goods = (await catalog.GetAsync([productId], ct)).GetValueOrDefault(productId);
        if (goods is null || !goods.IsActive || goods.MerchantId != store.MerchantId) return GroupBuyingErrors.ProductNotFound.ToProblem();
        if (goods.Kind != ProductKinds.Goods) return GroupBuyingErrors.NotGoods.ToProblem();

        var campaign = new Campaign
        {
            MerchantId = store.MerchantId, Title = string.IsNullOrWhiteSpace(request.Title) ? $"{goods.NameZh} 拼团" : request.Title.Trim(),
            ProductId = goods.Id, ProductName = goods.NameZh, StoreId = store.Id, RegularPriceFen = goods.PriceFen, GroupPriceFen = request.GroupPriceFen!.Value,
            MinParticipants = request.MinParticipants, MinUnits = request.MinUnits, CutoffAt = Campaign.WholeSecond(request.CutoffAt!.Value),
            CommissionBasisPoints = request.CommissionBasisPoints!.Value, CreatedAt = now,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/group-buy/campaigns/{campaign.Id}", campaign.ToResponse());
    }

    private static async Task<IResult> List(int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, 200).Error is { } invalid) return invalid.ToProblem();
        var actor = Actor.From(principal);
        var query = db.Set<Campaign>().AsNoTracking();
        if (!actor.IsPlatformAdmin) query = query.Where(c => c.MerchantId == actor.MerchantId);
        var campaigns = await Paging.PageAsync(query.OrderByDescending(c => c.Id), page, pageSize, http, ct);
        return Results.Ok(campaigns.Select(c => c.ToResponse()).ToList());
    }

    private static async Task<IResult> ListOpen(string? leader, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Set<Campaign>().AsNoTracking().Where(c => c.Status == CampaignStatus.Open && c.CutoffAt > now);
        if (leader is not null)
        {
            var shared = await FindSharingAsync(db, leader, ct);
            if (shared is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
            query = query.Where(c => c.MerchantId == shared.MerchantId);
        }
        var campaigns = await query.OrderBy(c => c.CutoffAt).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        return Results.Ok(campaigns.Select(c => c.ToResponse()).ToList());
    }

    private static async Task<IResult> Get(string campaignId, string? leader, O2oDb db, CancellationToken ct)
    {
        var campaign = Guid.TryParse(campaignId, out var id) ? await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (campaign is null) return GroupBuyingErrors.CampaignNotFound.ToProblem();
        Leader? shared = null;
        if (leader is not null && ((shared = await FindSharingAsync(db, leader, ct)) is null || shared.MerchantId != campaign.MerchantId))
            return GroupBuyingErrors.LeaderNotFound.ToProblem();
        return Results.Ok(new SharedCampaignResponse(campaign.ToResponse(), shared?.PickupPoint()));
    }

    /// <summary>The approved leader whose share code this is; null for any other text.</summary>
    public static async Task<Leader?> FindSharingAsync(O2oDb db, string shareCode, CancellationToken ct)
    {
        var code = shareCode.Trim().ToLowerInvariant();
        if (code.Length is 0 or > 16) return null;
        return await db.Set<Leader>().AsNoTracking().FirstOrDefaultAsync(l => l.ShareCode == code && l.Status == LeaderStatus.Approved, ct);
    }
}
