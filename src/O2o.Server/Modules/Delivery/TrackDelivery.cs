using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// The customer's and the store's view of a delivery. The rider's position is shown only while the rider has accepted or
/// carries the order (not before, not after); the receipt code only to the customer.
/// </summary>
internal static class TrackDelivery
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/orders/{orderId}/delivery", Track).RequireAuthorization().WithTags("Orders")
            .WithSummary("Where a delivery stands: rider position and live ETA while on the way, the promised window, the receipt code for the customer");
        api.MapGet("/stores/{storeId}/deliveries", ForStore).RequireAuthorization(Policies.StoreOperator).WithTags("Store operations")
            .WithSummary("The store's open deliveries with their riders approaching (status filter: waiting, offered, accepted, picked_up)");
    }

    private static async Task<IResult> Track(string orderId, ClaimsPrincipal principal, O2oDb db, IOrdering ordering, IOptions<DeliveryOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if (!Guid.TryParse(orderId, out var id) || !await ordering.IsVisibleToAsync(id, actor, ct)) return DeliveryErrors.DeliveryNotFound.ToProblem();
        var job = await db.Set<DeliveryJob>().AsNoTracking().FirstOrDefaultAsync(j => j.OrderId == id, ct);
        if (job is null) return DeliveryErrors.DeliveryNotFound.ToProblem();
        return Results.Ok(await ViewAsync(job, showCode: actor.UserId == job.CustomerId, db, options.Value, clock.GetUtcNow(), ct));
    }

    private static async Task<IResult> ForStore(string storeId, string? status, ClaimsPrincipal principal, O2oDb db, IStores stores,
        IOptions<DeliveryOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return DeliveryErrors.StoreNotFound.ToProblem();
        if (status is not null && !JobStatus.Active.Contains(status)) return Error.Validation("status", "Must be waiting, offered, accepted or picked_up.").ToProblem();
        var jobs = await db.Set<DeliveryJob>().AsNoTracking()
            .Where(j => j.StoreId == store.Id && (status == null ? JobStatus.Active.Contains(j.Status) : j.Status == status))
            .OrderBy(j => j.PromisedBy).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var views = new List<DeliveryTrackingResponse>();
        foreach (var job in jobs) views.Add(await ViewAsync(job, showCode: false, db, options.Value, now, ct));
        return Results.Ok(views);
    }

    private static async Task<DeliveryTrackingResponse> ViewAsync(DeliveryJob job, bool showCode, O2oDb db, DeliveryOptions options, DateTimeOffset now,
        CancellationToken ct)
    {
        TrackedRider? tracked = null;
        DateTimeOffset? eta = job.DeliveredAt ?? job.PlannedDropAt;
        DateTimeOffset? atStore = null;
        if (job.RiderId is { } riderId && job.Status is JobStatus.Accepted or JobStatus.PickedUp
            && await db.Set<Rider>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == riderId, ct) is { } rider)
        {
            tracked = new TrackedRider(rider.Name, rider.VehicleType, rider.Vehicle.NameEn + " " + rider.Vehicle.NameZh, rider.Lat, rider.Lng, rider.PositionAt);
            var held = await db.Set<DeliveryJob>().AsNoTracking().Where(j => j.RiderId == riderId && JobStatus.Held.Contains(j.Status)).ToListAsync(ct);
            eta = LiveEta.Of(job, rider, held, options.DetourFactor, now) ?? eta;
            if (job.Status == JobStatus.Accepted && rider is { Lat: { } lat, Lng: { } lng })
                atStore = now + TimeSpan.FromHours(Geo.DistanceKm(lat, lng, job.PickupLat, job.PickupLng) * options.DetourFactor / rider.Vehicle.SpeedKmh);
        }
        return new DeliveryTrackingResponse(job.OrderId.ToString(), job.Status, job.Speed, job.PromisedFrom, job.PromisedBy, eta, tracked,
            showCode && JobStatus.Active.Contains(job.Status) ? job.HandoverCode : null, job.DistanceKm, job.RouteKm, job.Co2Grams, job.PickedUpAt,
            job.DeliveredAt, job.DeliveredAt is null ? null : job.OnTime) { AtStoreEta = atStore };
    }
}
