using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// One delivery per pickup point of a successful group buy: the supplying store's staff dispatch it, the leader receives it,
/// and its orders are then waiting at the pickup point. Staff of other stores and other leaders get 404.
/// </summary>
internal static class GroupBuyDeliveries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}/group-buy-deliveries").RequireAuthorization(Policies.StoreOperator).WithTags("Group buying");
        store.MapGet("", ListForStore).WithSummary("Group-buy deliveries this store supplies, newest first (status filter)");
        store.MapPost("/{deliveryId}/dispatch", Dispatch).WithSummary("preparing → dispatched: the batch leaves for the leader's pickup point");

        var leader = api.MapGroup("/group-buy/leaders/{leaderId}/deliveries").RequireAuthorization(Policies.Customer).WithTags("Group buying");
        leader.MapGet("", ListForLeader).WithSummary("Deliveries to my pickup point, newest first");
        leader.MapPost("/{deliveryId}/receive", Receive).WithSummary("dispatched → received: its orders wait at my pickup point for their customers");
    }

    private static async Task<IResult> ListForStore(string storeId, string? status, ClaimsPrincipal principal, O2oDb db, IStores stores, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return GroupBuyingErrors.StoreNotFound.ToProblem();
        var query = db.Set<Delivery>().AsNoTracking().Where(d => d.StoreId == store.Id);
        if (status is not null) query = query.Where(d => d.Status == status);
        return Results.Ok(await ViewsAsync(db, await query.OrderByDescending(d => d.Id).Take(200).ToListAsync(ct), ct));
    }

    private static async Task<IResult> Dispatch(string storeId, string deliveryId, ClaimsPrincipal principal, O2oDb db, IStores stores, TimeProvider clock,
        CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return GroupBuyingErrors.StoreNotFound.ToProblem();
        var delivery = Guid.TryParse(deliveryId, out var id) ? await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.StoreId == store.Id, ct) : null;
        if (delivery is null) return GroupBuyingErrors.DeliveryNotFound.ToProblem();
        var now = clock.GetUtcNow();
        var moved = await db.Set<Delivery>().Where(d => d.Id == id && d.Status == DeliveryStatus.Preparing)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Dispatched).SetProperty(d => d.DispatchedAt, now), ct);
        if (moved == 0) return GroupBuyingErrors.DeliveryNotPreparing.ToProblem();
        return Results.Ok((await ViewsAsync(db, [await db.Set<Delivery>().AsNoTracking().FirstAsync(d => d.Id == id, ct)], ct))[0]);
    }

    private static async Task<IResult> ListForLeader(string leaderId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var leader = await LeaderLookup.FindOwnAsync(db, leaderId, principal, ct);
        if (leader is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        var deliveries = await db.Set<Delivery>().AsNoTracking().Where(d => d.LeaderId == leader.Id).OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
        return Results.Ok(await ViewsAsync(db, deliveries, ct));
    }

    /// <summary>The delivery and the move of each of its orders to ready_for_pickup commit together, or nothing does.</summary>
    private static async Task<IResult> Receive(string leaderId, string deliveryId, ClaimsPrincipal principal, O2oDb db, IOrdering ordering, TimeProvider clock,
        CancellationToken ct)
    {
        var leader = await LeaderLookup.FindOwnAsync(db, leaderId, principal, ct);
        if (leader is null) return GroupBuyingErrors.LeaderNotFound.ToProblem();
        var delivery = Guid.TryParse(deliveryId, out var id) ? await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.LeaderId == leader.Id, ct) : null;
        if (delivery is null) return GroupBuyingErrors.DeliveryNotFound.ToProblem();
        var now = clock.GetUtcNow();
        var orderIds = await db.Set<Participation>().AsNoTracking().Where(p => p.DeliveryId == id).Select(p => p.OrderId).ToListAsync(ct);
        var received = await db.InTransactionAsync(async () =>
        {
            var moved = await db.Set<Delivery>().Where(d => d.Id == id && d.Status == DeliveryStatus.Dispatched)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Received).SetProperty(d => d.ReceivedAt, now), ct);
            if (moved == 0) return false;
            // An order cancelled by the store after the outcome stays cancelled; every other one is now at the pickup point.
            foreach (var orderId in orderIds)
                await ordering.MoveGroupBuyOrderAsync(orderId, GroupBuyOrders.Preparing, GroupBuyOrders.ReadyForPickup, "at the leader's pickup point 已到团长自提点", ct);
            return true;
        }, r => r, ct);
        if (!received) return GroupBuyingErrors.DeliveryNotDispatched.ToProblem();
        return Results.Ok((await ViewsAsync(db, [await db.Set<Delivery>().AsNoTracking().FirstAsync(d => d.Id == id, ct)], ct))[0]);
    }

    private static async Task<List<GroupBuyDeliveryResponse>> ViewsAsync(O2oDb db, IReadOnlyList<Delivery> deliveries, CancellationToken ct)
    {
        var ids = deliveries.Select(d => (Guid?)d.Id).ToList();
        var orders = (await db.Set<Participation>().AsNoTracking().Where(p => ids.Contains(p.DeliveryId)).Select(p => new { p.DeliveryId, p.OrderId }).ToListAsync(ct))
            .ToLookup(p => p.DeliveryId!.Value, p => p.OrderId.ToString());
        var campaignIds = deliveries.Select(d => d.CampaignId).Distinct().ToList();
        var leaderIds = deliveries.Select(d => d.LeaderId).Distinct().ToList();
        var titles = await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var leaders = await db.Set<Leader>().AsNoTracking().Where(l => leaderIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        return deliveries.Select(d => new GroupBuyDeliveryResponse(d.Id.ToString(), d.CampaignId.ToString(), titles[d.CampaignId], d.StoreId.ToString(),
            d.LeaderId.ToString(), leaders[d.LeaderId].PickupPoint(), d.Status, d.Orders, d.Units, orders[d.Id].Order(StringComparer.Ordinal).ToArray(),
            d.CreatedAt, d.DispatchedAt, d.ReceivedAt)).ToList();
    }
}
