using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>Customers apply to lead a merchant's group buys (团长申请); that merchant's admins or a platform admin approve or reject.</summary>
internal static class LeaderApplications
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/group-buy/leaders").RequireAuthorization(Policies.Customer).WithTags("Group buying");
        mine.MapPost("", Apply).WithSummary("Apply to be a community leader (团长) of a merchant, with a pickup point; an admin decides");
        mine.MapGet("/mine", Mine).WithSummary("My leader applications and their status; approved ones carry the share code");

        var admin = api.MapGroup("/admin/group-buy/leaders").RequireAuthorization(Policies.Admin).WithTags("Group buying");
        admin.MapGet("", List).WithSummary("Leaders and applications of my merchant (every merchant for platform admins), newest first; status filter");
        admin.MapPost("/{leaderId}/approve", (string leaderId, ClaimsPrincipal p, O2oDb db, TimeProvider clock, CancellationToken ct) =>
            Decide(leaderId, approve: true, p, db, clock, ct)).WithSummary("Approve a pending application: the leader gets a share code");
        admin.MapPost("/{leaderId}/reject", (string leaderId, ClaimsPrincipal p, O2oDb db, TimeProvider clock, CancellationToken ct) =>
            Decide(leaderId, approve: false, p, db, clock, ct)).WithSummary("Reject a pending application");
    }

    private static async Task<IResult> Apply(LeaderApplicationRequest request, ClaimsPrincipal principal, O2oDb db, IStores stores, TimeProvider clock,
        CancellationToken ct)
    {
        var v = new Validation().Id("merchantId", request.MerchantId, out var merchantId).Text("pickupPointName", request.PickupPointName, 100)
            .Text("address", request.Address, 300).Position("", request.Lat, request.Lng).Phone("phone", request.Phone, required: true);
        if (v.Error is { } invalid) return invalid.ToProblem();
        if (!await stores.MerchantExistsAsync(merchantId, ct)) return GroupBuyingErrors.MerchantNotFound.ToProblem();
        var user = Actor.From(principal).UserId;
        if (await db.Set<Leader>().AnyAsync(l => l.UserId == user && l.MerchantId == merchantId, ct)) return GroupBuyingErrors.ApplicationExists.ToProblem();
        var leader = new Leader
        {
            UserId = user, MerchantId = merchantId, PickupPointName = request.PickupPointName!.Trim(), Address = request.Address!.Trim(),
            Lat = request.Lat!.Value, Lng = request.Lng!.Value, Phone = request.Phone!.Trim(), AppliedAt = clock.GetUtcNow(),
        };
        db.Add(leader);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two applications racing: the unique (user, merchant) index keeps one.
            return GroupBuyingErrors.ApplicationExists.ToProblem();
        }
        return Results.Created("/api/group-buy/leaders/mine", leader.ToResponse());
    }

    private static async Task<IResult> Mine(ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var user = Actor.From(principal).UserId;
        var leaders = await db.Set<Leader>().AsNoTracking().Where(l => l.UserId == user).OrderBy(l => l.Id).ToListAsync(ct);
        return Results.Ok(leaders.Select(l => l.ToResponse()).ToList());
    }

    private static async Task<IResult> List(string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, 200);
        if (status is not null and not (LeaderStatus.Pending or LeaderStatus.Approved or LeaderStatus.Rejected)) v.Add("status", "Must be pending, approved or rejected.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var actor = Actor.From(principal);
        var query = db.Set<Leader>().AsNoTracking();
        if (!actor.IsPlatformAdmin) query = query.Where(l => l.MerchantId == actor.MerchantId);
        if (status is not null) query = query.Where(l => l.Status == status);
        var leaders = await Paging.PageAsync(query.OrderByDescending(l => l.Id), page, pageSize, http, ct);
        return Results.Ok(leaders.Select(l => l.ToResponse()).ToList());
    }

    private static async Task<IResult> Decide(string leaderId, bool approve, ClaimsPrincipal principal, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var leader = Guid.TryParse(leaderId, out var id) ? await db.Set<Leader>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) : null;
        if (leader is null || !(actor.IsPlatformAdmin || actor.MerchantId == leader.MerchantId)) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        if (leader.Status != LeaderStatus.Pending) return GroupBuyingErrors.NotPending.ToProblem();
        // Conditional on pending, so two admins deciding at once decide once.
        var decided = await db.Set<Leader>().Where(l => l.Id == id && l.Status == LeaderStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, approve ? LeaderStatus.Approved : LeaderStatus.Rejected)
                .SetProperty(l => l.ShareCode, approve ? Leader.NewShareCode() : null)
                .SetProperty(l => l.DecidedAt, clock.GetUtcNow()).SetProperty(l => l.DecidedBy, actor.UserId), ct);
        if (decided == 0) return GroupBuyingErrors.NotPending.ToProblem();
        var fresh = await db.Set<Leader>().AsNoTracking().FirstAsync(l => l.Id == id, ct);
        return Results.Ok(fresh.ToResponse());
    }
}

internal static class LeaderLookup
{
    /// <summary>The caller's own approved leader record named by a route; null (answer 404) for anyone else's or one not approved.</summary>
    public static async Task<Leader?> FindOwnAsync(O2oDb db, string leaderId, ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = Actor.From(principal).UserId;
        return Guid.TryParse(leaderId, out var id)
            ? await db.Set<Leader>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.UserId == user && l.Status == LeaderStatus.Approved, ct)
            : null;
    }
}
