using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Routing;
using O2o.Server.Modules.Live;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

internal sealed record RoundOutcome(int Riders, int Offered, int Waiting, int Lapsed, TimeSpan Took);

/// <summary>
/// One planning round over every rider on shift and every open delivery: lapsed offers go back (the rider is not asked
/// again), the solver plans pickups and drop-offs with riders starting where they are, keeping what each already holds,
/// and new orders in a rider's plan are offered to them. A rider only gets orders of their own stores that their vehicle
/// can reach. Concurrent rider actions win: the round's writes are version-checked and the next round plans again.
/// </summary>
internal sealed class DispatchRound(O2oDb db, IStores stores, ILiveDeliveries live, IOptions<DeliveryOptions> options, TimeProvider clock,
    ILogger<DispatchRound> logger)
{
    /// <summary>Orders are offered when their planned pickup is this close; later ones wait, so plans can still change.</summary>
    private static readonly TimeSpan OfferHorizon = TimeSpan.FromMinutes(30);

    public async Task<RoundOutcome> RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var o = options.Value;
        var now = clock.GetUtcNow();
        var jobs = await db.Set<DeliveryJob>().Where(j => JobStatus.Active.Contains(j.Status)).ToListAsync(ct);
        var lapsed = 0;
        foreach (var job in jobs.Where(j => j.Status == JobStatus.Offered && j.OfferExpiresAt <= now))
        {
            job.GiveBack(declined: true);
            lapsed++;
        }
        var riders = await db.Set<Rider>().Where(r => r.OnShift).ToListAsync(ct);
        var waiting = jobs.Where(j => j.Status == JobStatus.Waiting && j.ReadyAt <= now + OfferHorizon).ToList();
        if (riders.Count == 0 || (waiting.Count == 0 && !jobs.Any(j => j.Status != JobStatus.Waiting)))
        {
            await SaveAsync(ct);
            return new RoundOutcome(riders.Count, 0, jobs.Count(j => j.Status == JobStatus.Waiting), lapsed, watch.Elapsed);
        }

        var request = new DispatchRequest(now, await DispatchRidersAsync(riders, jobs, now, ct), OpenOrders(riders, jobs, waiting, now))
        {
            DetourFactor = o.DetourFactor,
        };
        var plan = Dispatcher.Plan(request, o.PlanningTimeLimit);
        var byId = jobs.ToDictionary(j => j.Id.ToString());
        var offered = 0;
        var announce = new List<DeliveryJob>();
        foreach (var riderPlan in plan.Riders)
        {
            var riderId = Guid.Parse(riderPlan.RiderId);
            for (var i = 0; i < riderPlan.Stops.Count; i++)
            {
                var stop = riderPlan.Stops[i];
                var job = byId[stop.OrderId];
                var pickupAt = stop.Kind == StopKind.PickUp ? stop.Eta : job.PlannedPickupAt;
                if (stop.Kind == StopKind.PickUp) { job.Plan(stop.Eta, job.PlannedDropAt, i); continue; }
                job.Plan(job.Status == JobStatus.PickedUp ? null : pickupAt, stop.Eta, i);
                if (job.Status == JobStatus.Waiting && (pickupAt ?? now) <= now + OfferHorizon)
                {
                    job.Offer(riderId, now, now + o.OfferTimeout);
                    announce.Add(job);
                    offered++;
                }
            }
        }
        if (await SaveAsync(ct))
            foreach (var job in announce) live.Publish(new DeliveryUpdate(job.OrderId, job.StoreId, job.Status, null, null, null, now));
        var outcome = new RoundOutcome(riders.Count, offered, jobs.Count(j => j.Status == JobStatus.Waiting), lapsed, watch.Elapsed);
        if (offered > 0 || lapsed > 0)
            logger.LogInformation("Dispatch round: {Offered} offered, {Lapsed} offers lapsed, {Waiting} waiting, {Riders} riders on shift ({Took:0} ms)",
                outcome.Offered, outcome.Lapsed, outcome.Waiting, outcome.Riders, outcome.Took.TotalMilliseconds);
        return outcome;
    }

    private async Task<List<DispatchRider>> DispatchRidersAsync(List<Rider> riders, List<DeliveryJob> jobs, DateTimeOffset now, CancellationToken ct)
    {
        var list = new List<DispatchRider>();
        foreach (var r in riders)
        {
            var at = r.Lat is { } lat && r.Lng is { } lng ? new GeoPoint(lat, lng) : await HomeOfAsync(r, ct);
            var carrying = jobs.Where(j => j.RiderId == r.Id && j.Status == JobStatus.PickedUp)
                .Select(j => new CarriedOrder(j.Id.ToString(), new GeoPoint(j.DropLat, j.DropLng), j.PromisedBy, j.Items)).ToList();
            list.Add(new DispatchRider(r.Id.ToString(), at, r.Vehicle.SpeedKmh, r.Capacity, carrying, r.ShiftEndsAt ?? now));
        }
        return list;
    }

    private static List<OpenOrder> OpenOrders(List<Rider> riders, List<DeliveryJob> jobs, List<DeliveryJob> waiting, DateTimeOffset now)
    {
        var orders = new List<OpenOrder>();
        var onShift = riders.Select(r => r.Id).ToHashSet();
        foreach (var j in jobs.Where(j => j.Status is JobStatus.Offered or JobStatus.Accepted && j.RiderId is { } r && onShift.Contains(r)))
            orders.Add(ToOpen(j) with { BoundTo = j.RiderId.ToString() });
        foreach (var j in waiting)
            orders.Add(ToOpen(j) with
            {
                AllowedRiders = riders.Where(r => r.StoreIds.Contains(j.StoreId) && r.Vehicle.RangeKm >= j.DistanceKm && !j.DeclinedBy.Contains(r.Id)
                        && r.ShiftEndsAt > now)
                    .Select(r => r.Id.ToString()).ToList(),
            });
        return orders;
    }

    private static OpenOrder ToOpen(DeliveryJob j) =>
        new(j.Id.ToString(), new GeoPoint(j.PickupLat, j.PickupLng), new GeoPoint(j.DropLat, j.DropLng), j.ReadyAt, j.PromisedBy, j.Items);

    private async Task<GeoPoint> HomeOfAsync(Rider rider, CancellationToken ct)
    {
        var store = rider.StoreIds.Count > 0 ? await stores.FindAsync(rider.StoreIds[0], ct) : null;
        return store is null ? new GeoPoint(0, 0) : new GeoPoint(store.Lat, store.Lng);
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A rider accepted, declined or picked up meanwhile: their action stands, and the next round plans with it.
            logger.LogDebug("A rider acted during the dispatch round; planning again next round");
            return false;
        }
        finally { db.ChangeTracker.Clear(); }
    }
}
