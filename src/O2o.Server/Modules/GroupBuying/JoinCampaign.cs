using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// A customer joins a group buy through a leader's share link: an order at the group price, stock reserved at the supplying
/// store, to be paid before the cutoff and collected at the leader's pickup point. The campaign's counters and the order are
/// written in one transaction, conditional on the campaign still taking orders, so a join racing the cutoff is all or nothing.
/// </summary>
internal static class JoinCampaign
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/group-buy/campaigns/{campaignId}/orders", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("group-buy.join")
            .WithTags("Group buying").WithSummary("Join a group buy through a leader's share code: an order to pay before the cutoff (409 group_buy_closed after it)");
        api.MapGet("/group-buy/orders", Mine).RequireAuthorization(Policies.Customer).WithTags("Group buying")
            .WithSummary("My group-buy orders, newest first, with their pickup point and my handover code");
    }

    private static async Task<IResult> Handle(string campaignId, JoinCampaignRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db,
        IOrdering ordering, IOptions<GroupBuyingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("leaderCode", request.LeaderCode, 16).Quantity("quantity", request.Quantity);
        if (v.Error is { } invalid) return invalid.ToProblem();
        var campaign = Guid.TryParse(campaignId, out var id) ? await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (campaign is null) return GroupBuyingErrors.CampaignNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (!campaign.AcceptsJoinsAt(now)) return GroupBuyingErrors.CutoffPassed.ToProblem();
        var leader = await CampaignEndpoints.FindSharingAsync(db, request.LeaderCode!, ct);
        if (leader is null || leader.MerchantId != campaign.MerchantId) return GroupBuyingErrors.LeaderNotFound.ToProblem();

        var customer = Actor.From(principal).UserId;
        var quantity = request.Quantity!.Value;
        var timeout = campaign.CutoffAt - now < options.Value.PaymentTimeout ? campaign.CutoffAt - now : options.Value.PaymentTimeout;
        var result = await db.InTransactionAsync(async () =>
        {
            var counted = await db.Set<Campaign>().Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Open && c.CutoffAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.JoinedOrders, c => c.JoinedOrders + 1).SetProperty(c => c.JoinedUnits, c => c.JoinedUnits + quantity), ct);
            if (counted == 0) return GroupBuyingErrors.CutoffPassed;
            var placed = await ordering.PlaceAsync(new PlacementRequest(customer, new FulfillmentDto(GroupBuyOrders.Type, campaign.StoreId.ToString(), null),
                [new PlacementLine(campaign.ProductId, quantity, campaign.GroupPriceFen)], timeout, $"group_buy:{campaign.Id}"), http.PrefersEnglish(), ct);
            if (!placed.IsSuccess) return placed.Error!;
            var joined = new Participation
            {
                OrderId = Guid.Parse(placed.Value.Id), CampaignId = campaign.Id, LeaderId = leader.Id, CustomerId = customer, Quantity = quantity,
                TotalFen = placed.Value.TotalFen, HandoverCode = Participation.NewHandoverCode(), JoinedAt = now, PaymentDeadline = placed.Value.PaymentDeadline,
            };
            db.Add(joined);
            await db.SaveChangesAsync(ct);
            return (Result<Participation>)joined;
        }, r => r.IsSuccess, ct);
        if (!result.IsSuccess) return result.Error!.ToProblem();
        var view = GroupBuyViews.ForCustomer(result.Value, campaign, leader, GroupBuyOrders.PendingPayment);
        return Results.Created($"/api/orders/{view.OrderId}", view);
    }

    private static async Task<IResult> Mine(int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IOrdering ordering, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, 200).Error is { } invalid) return invalid.ToProblem();
        var customer = Actor.From(principal).UserId;
        var joins = await Paging.PageAsync(db.Set<Participation>().AsNoTracking().Where(p => p.CustomerId == customer).OrderByDescending(p => p.OrderId),
            page, pageSize, http, ct);
        var campaignIds = joins.Select(p => p.CampaignId).Distinct().ToList();
        var leaderIds = joins.Select(p => p.LeaderId).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var leaders = await db.Set<Leader>().AsNoTracking().Where(l => leaderIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var statuses = await ordering.StatusesAsync(joins.Select(p => p.OrderId).ToList(), ct);
        return Results.Ok(joins.Select(p => GroupBuyViews.ForCustomer(p, campaigns[p.CampaignId], leaders[p.LeaderId], statuses.GetValueOrDefault(p.OrderId, "unknown")))
            .ToList());
    }
}

internal static class GroupBuyViews
{
    public static GroupBuyOrderResponse ForCustomer(Participation p, Campaign c, Leader l, string orderStatus) => new(p.OrderId.ToString(), c.Id.ToString(),
        c.Title, l.Id.ToString(), l.PickupPoint(), p.Quantity, p.TotalFen, orderStatus, c.Status, p.HandoverCode, p.JoinedAt, p.PaymentDeadline);
}
