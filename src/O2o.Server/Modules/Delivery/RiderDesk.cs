using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Live;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>What a rider does, for the HTTP API, the rider hub and the demo's simulated riders alike.</summary>
internal sealed class RiderDesk(O2oDb db, IStores stores, IOrdering ordering, ILiveDeliveries live, DispatchSignal signal, IOptions<DeliveryOptions> options,
    TimeProvider clock, ILogger<RiderDesk> logger)
{
    private static readonly TimeSpan MaxLag = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxLead = TimeSpan.FromSeconds(30);

    public Task<Rider?> FindAsync(string userId, CancellationToken ct) => db.Set<Rider>().FirstOrDefaultAsync(r => r.UserId == userId, ct);

    public async Task<Result<Rider>> StartShiftAsync(Rider rider, double lat, double lng, DateTimeOffset? until, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (until is { } end && (end <= now || end > now.AddHours(14))) return Error.Validation("until", "A shift ends after now and within 14 hours.");
        if (!await InZoneAsync(rider, lat, lng, ct)) return DeliveryErrors.OutsideZone;
        rider.StartShift(until ?? now + options.Value.DefaultShift, lat, lng, now);
        db.Add(new RiderPosition { RiderId = rider.Id, Lat = lat, Lng = lng, At = now });
        rider.MarkStored(now);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return rider;
    }

    /// <summary>Ending a shift hands back what was offered or accepted but not picked up; what is carried must be delivered first.</summary>
    public async Task<Result<Rider>> EndShiftAsync(Rider rider, CancellationToken ct)
    {
        var held = await db.Set<DeliveryJob>().Where(j => j.RiderId == rider.Id && JobStatus.Held.Contains(j.Status)).ToListAsync(ct);
        if (held.Any(j => j.Status == JobStatus.PickedUp)) return DeliveryErrors.StillCarrying;
        foreach (var job in held) job.GiveBack(declined: false);
        rider.EndShift();
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return rider;
    }

    public async Task<Result<(bool Applied, bool Stored)>> ReportPositionAsync(Rider rider, double lat, double lng, DateTimeOffset? reportedAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var at = reportedAt ?? now;
        if (at > now + MaxLead || at < now - MaxLag) return Error.Validation("at", "A position is reported within five minutes of when it was taken.");
        if (!rider.OnShift) return DeliveryErrors.NotOnShift;
        if (rider.PositionAt is { } last && at <= last) return (false, false);
        if (!await InZoneAsync(rider, lat, lng, ct)) return DeliveryErrors.OutsideZone;
        if (rider is { Lat: { } lastLat, Lng: { } lastLng, PositionAt: { } lastAt })
        {
            var km = Geo.DistanceKm(lastLat, lastLng, lat, lng);
            var hours = Math.Max((at - lastAt).TotalHours, 1.0 / 3600);
            // Short hops are GPS noise whatever the interval; only a real jump can be implausible.
            if (km > 0.2 && km / hours > options.Value.MaxPlausibleSpeedKmh) return DeliveryErrors.Implausible(km / hours);
        }
        var store = rider.PositionStoredAt is not { } stored || at - stored >= options.Value.PositionMinInterval;
        rider.MoveTo(lat, lng, at);
        if (store)
        {
            rider.MarkStored(at);
            db.Add(new RiderPosition { RiderId = rider.Id, Lat = lat, Lng = lng, At = at });
        }
        await db.SaveChangesAsync(ct);
        await AnnounceHeldAsync(rider, ct);
        return (true, store);
    }

    public Task<List<DeliveryJob>> HeldAsync(Guid riderId, CancellationToken ct) =>
        db.Set<DeliveryJob>().Where(j => j.RiderId == riderId && JobStatus.Held.Contains(j.Status)).ToListAsync(ct);

    public async Task<Result<DeliveryJob>> AcceptAsync(Rider rider, Guid orderId, CancellationToken ct) =>
        await ActAsync(rider, orderId, "accepted", async job =>
        {
            if (job.Status != JobStatus.Offered) return DeliveryErrors.InvalidStatus(job.Status, "accepted");
            if (job.OfferExpiresAt <= clock.GetUtcNow()) return DeliveryErrors.OfferExpired;
            job.Accept(clock.GetUtcNow());
            return await Task.FromResult<Error?>(null);
        }, ct);

    /// <summary>The reason is logged for operations (riders' reasons are not kept with the job).</summary>
    public async Task<Result<DeliveryJob>> DeclineAsync(Rider rider, Guid orderId, string? reason, CancellationToken ct)
    {
        var result = await ActAsync(rider, orderId, "declined", job =>
        {
            if (job.Status is not (JobStatus.Offered or JobStatus.Accepted)) return Task.FromResult<Error?>(DeliveryErrors.InvalidStatus(job.Status, "declined"));
            job.GiveBack(declined: true);
            return Task.FromResult<Error?>(null);
        }, ct);
        if (!result.IsSuccess) return result;
        logger.LogInformation("Rider {RiderId} gave back the delivery of order {OrderId}: {Reason}", rider.Id, orderId, reason ?? "(no reason)");
        signal.Poke();
        return result;
    }

    public Task<Result<DeliveryJob>> PickUpAsync(Rider rider, Guid orderId, CancellationToken ct) =>
        ActAsync(rider, orderId, "picked up", async job =>
        {
            if (job.Status != JobStatus.Accepted) return DeliveryErrors.InvalidStatus(job.Status, "picked up");
            var moved = await ordering.MoveDeliveryOrderAsync(job.OrderId, DeliveryOrders.Preparing, DeliveryOrders.OutForDelivery,
                $"picked up by {rider.Name} 骑手已取件", ct);
            if (!moved.IsSuccess) return moved.Error!.Code == "invalid_order_status" ? DeliveryErrors.OrderNotReady : moved.Error;
            job.PickUp(clock.GetUtcNow());
            return null;
        }, ct);

    public async Task<Result<DeliveryJob>> DeliverAsync(Rider rider, Guid orderId, string? code, string? photo, CancellationToken ct)
    {
        var failed = false;
        var result = await ActAsync(rider, orderId, "delivered", async job =>
        {
            if (job.Status != JobStatus.PickedUp) return DeliveryErrors.InvalidStatus(job.Status, "delivered");
            if (code is not null)
            {
                if (job.CodeFailures >= DeliveryJob.MaxCodeFailures) return DeliveryErrors.HandoverCodeLocked;
                if (code != job.HandoverCode)
                {
                    failed = true;
                    return DeliveryErrors.WrongHandoverCode;
                }
            }
            var moved = await ordering.MoveDeliveryOrderAsync(job.OrderId, DeliveryOrders.OutForDelivery, DeliveryOrders.Completed,
                $"delivered by {rider.Name} 已送达", ct);
            if (!moved.IsSuccess) return moved.Error;
            job.Deliver(clock.GetUtcNow(), code is not null ? "code" : "photo", code is not null ? "receipt code" : photo!, rider.Vehicle, options.Value.DetourFactor);
            return null;
        }, ct);
        if (failed) await CountFailureAsync(orderId, ct);
        return result;
    }

    /// <summary>A wrong code is counted in its own write, after the refused attempt changed nothing else.</summary>
    private Task<int> CountFailureAsync(Guid orderId, CancellationToken ct) =>
        db.Set<DeliveryJob>().Where(j => j.OrderId == orderId).ExecuteUpdateAsync(s => s.SetProperty(j => j.CodeFailures, j => j.CodeFailures + 1), ct);

    private async Task<Result<DeliveryJob>> ActAsync(Rider rider, Guid orderId, string action, Func<DeliveryJob, Task<Error?>> change, CancellationToken ct)
    {
        try
        {
            var outcome = await db.InTransactionAsync(async () =>
            {
                var job = await db.Set<DeliveryJob>().FirstOrDefaultAsync(j => j.OrderId == orderId, ct);
                // Someone else's delivery, or one no longer theirs, is not theirs to see.
                if (job is null || job.RiderId != rider.Id) return DeliveryErrors.DeliveryNotFound;
                if (await change(job) is { } error) return error;
                await db.SaveChangesAsync(ct);
                return (Result<DeliveryJob>)job;
            }, r => r.IsSuccess, ct);
            if (outcome.IsSuccess) await AnnounceHeldAsync(rider, ct, outcome.Value);
            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeliveryErrors.InvalidStatus("changing", action);
        }
    }

    /// <summary>Tells watchers of the rider's deliveries where the rider is and when each will arrive (after commit).</summary>
    private async Task AnnounceHeldAsync(Rider rider, CancellationToken ct, DeliveryJob? changed = null)
    {
        var now = clock.GetUtcNow();
        var held = await HeldAsync(rider.Id, ct);
        if (changed is not null && !held.Any(j => j.Id == changed.Id))
            live.Publish(new DeliveryUpdate(changed.OrderId, changed.StoreId, changed.Status, null, null, null, now));
        foreach (var job in held)
        {
            var visible = job.Status is JobStatus.Accepted or JobStatus.PickedUp;
            live.Publish(new DeliveryUpdate(job.OrderId, job.StoreId, job.Status, visible ? rider.Lat : null, visible ? rider.Lng : null,
                visible ? LiveEta.Of(job, rider, held, options.Value.DetourFactor, now) : null, now));
        }
    }

    private async Task<bool> InZoneAsync(Rider rider, double lat, double lng, CancellationToken ct)
    {
        foreach (var id in rider.StoreIds)
            if (await stores.FindAsync(id, ct) is { } s && Geo.DistanceKm(s.Lat, s.Lng, lat, lng) <= Math.Max(s.DeliveryRadiusKm, rider.Vehicle.RangeKm) + options.Value.ZoneMarginKm)
                return true;
        return false;
    }
}
