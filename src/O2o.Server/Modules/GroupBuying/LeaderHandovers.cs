using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// The leader hands each order to its customer against the customer's code (核销): the order completes and the leader's
/// commission is recorded and posted to the money ledger, in one transaction. Orders of other pickup points are 404; wrong
/// codes are rate-limited per leader, so codes cannot be guessed.
/// </summary>
internal static class LeaderHandovers
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var leader = api.MapGroup("/group-buy/leaders/{leaderId}").RequireAuthorization(Policies.Customer).WithTags("Group buying");
        leader.MapGet("/orders", Orders).WithSummary("Orders at my pickup point (optionally of one group buy), newest first, with their status");
        leader.MapPost("/orders/{orderId}/hand-over", HandOver).WithSummary("Hand an order waiting at my pickup point to its customer, against the customer's code");
        leader.MapGet("/commissions", Commissions).WithSummary("What I earned: one commission per order handed over, and the total");
    }

    private static async Task<IResult> Orders(string leaderId, string? campaignId, ClaimsPrincipal principal, O2oDb db, IOrdering ordering, CancellationToken ct)
    {
        var leader = await LeaderLookup.FindOwnAsync(db, leaderId, principal, ct);
        if (leader is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        var query = db.Set<Participation>().AsNoTracking().Where(p => p.LeaderId == leader.Id);
        if (campaignId is not null)
        {
            var campaign = Guid.TryParse(campaignId, out var c) ? c : Guid.Empty;
            query = query.Where(p => p.CampaignId == campaign);
        }
        var joins = await query.OrderByDescending(p => p.OrderId).Take(500).ToListAsync(ct);
        var statuses = await ordering.StatusesAsync(joins.Select(p => p.OrderId).ToList(), ct);
        var campaignIds = joins.Select(p => p.CampaignId).Distinct().ToList();
        var titles = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        return Results.Ok(joins.Select(p => new LeaderOrderView(p.OrderId.ToString(), p.CampaignId.ToString(), titles[p.CampaignId], p.Quantity, p.TotalFen,
            statuses.GetValueOrDefault(p.OrderId, "unknown"), p.HandedOverAt)).ToList());
    }

    private static async Task<IResult> HandOver(string leaderId, string orderId, HandOverRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db,
        IOrdering ordering, EventBus events, IOptions<GroupBuyingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var leader = await LeaderLookup.FindOwnAsync(db, leaderId, principal, ct);
        if (leader is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        var joined = Guid.TryParse(orderId, out var id)
            ? await db.Set<Participation>().AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == id && p.LeaderId == leader.Id, ct)
            : null;
        if (joined is null) return GroupBuyingErrors.OrderNotFound.ToProblem();
        var code = request.Code?.Trim();
        if (code is null || code.Length != 8 || !code.All(char.IsAsciiDigit)) return Error.Validation("code", "The customer's code is 8 digits.").ToProblem();

        var now = clock.GetUtcNow();
        var limits = options.Value;
        var since = now - limits.CodeFailureWindow;
        if (await db.Set<HandoverFailure>().CountAsync(f => f.LeaderId == leader.Id && f.At > since, ct) >= limits.CodeMaxFailures)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limits.CodeFailureWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return GroupBuyingErrors.TooManyHandoverAttempts.ToProblem();
        }
        if (!joined.CodeMatches(code))
        {
            db.Add(new HandoverFailure { LeaderId = leader.Id, At = now });
            await db.SaveChangesAsync(ct);
            await db.Set<HandoverFailure>().Where(f => f.LeaderId == leader.Id && f.At < now.AddDays(-1)).ExecuteDeleteAsync(ct);
            return GroupBuyingErrors.InvalidHandoverCode.ToProblem();
        }

        var campaign = await db.Set<Campaign>().AsNoTracking().FirstAsync(c => c.Id == joined.CampaignId, ct);
        var commission = new LeaderCommission
        {
            LeaderId = leader.Id, OrderId = joined.OrderId, CampaignId = campaign.Id, StoreId = campaign.StoreId, OrderTotalFen = joined.TotalFen,
            AmountFen = joined.TotalFen * campaign.CommissionBasisPoints / 10_000, At = now,
        };
        Error? error;
        try
        {
            error = await HandOverInTransactionAsync(db, ordering, events, joined.OrderId, commission, now, ct);
        }
        catch (DbUpdateException)
        {
            // Two hand-overs of one order at once: the order's version (or the one commission per order) lets one through.
            db.ChangeTracker.Clear();
            error = GroupBuyingErrors.NotReadyForHandover;
        }
        if (error is not null) return error.ToProblem();
        return Results.Ok(new LeaderOrderView(joined.OrderId.ToString(), campaign.Id.ToString(), campaign.Title, joined.Quantity, joined.TotalFen,
            GroupBuyOrders.Completed, now));
    }

    /// <summary>The order completes, the hand-over is noted and the commission recorded and announced to the ledger, or none of it.</summary>
    private static Task<Error?> HandOverInTransactionAsync(O2oDb db, IOrdering ordering, EventBus events, Guid orderId, LeaderCommission commission,
        DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync<Error?>(async () =>
        {
            if (await ordering.MoveGroupBuyOrderAsync(orderId, GroupBuyOrders.ReadyForPickup, GroupBuyOrders.Completed, "handed over by the leader 团长已交付", ct) is { })
                return GroupBuyingErrors.NotReadyForHandover;
            await db.Set<Participation>().Where(p => p.OrderId == orderId).ExecuteUpdateAsync(u => u.SetProperty(p => p.HandedOverAt, now), ct);
            db.Add(commission);
            events.Publish(new LeaderCommissionEarned(commission.Id, orderId, commission.LeaderId, commission.StoreId, commission.AmountFen, now));
            await db.SaveChangesAsync(ct);
            return null;
        }, e => e is null, ct);

    private static async Task<IResult> Commissions(string leaderId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var leader = await LeaderLookup.FindOwnAsync(db, leaderId, principal, ct);
        if (leader is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        var earned = await db.Set<LeaderCommission>().AsNoTracking().Where(c => c.LeaderId == leader.Id).OrderByDescending(c => c.Id).ToListAsync(ct);
        return Results.Ok(new LeaderCommissionsResponse(earned.Sum(c => c.AmountFen), earned.Select(c => new LeaderCommissionView(c.Id.ToString(),
            c.OrderId.ToString(), c.CampaignId.ToString(), c.OrderTotalFen, c.AmountFen, c.At)).ToArray()));
    }
}
