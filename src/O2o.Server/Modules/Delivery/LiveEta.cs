using O2o.Server.Kernel;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// A delivery's ETA from where its rider is now: along the rider's held jobs in planned order, collecting each not yet
/// picked up at its store before its drop-off, up to the target's door, at the vehicle's speed on streets.
/// </summary>
internal static class LiveEta
{
    private static readonly TimeSpan StopTime = TimeSpan.FromMinutes(2);

    public static DateTimeOffset? Of(DeliveryJob target, Rider rider, IReadOnlyList<DeliveryJob> held, double detourFactor, DateTimeOffset now)
    {
        if (rider.Lat is not { } lat || rider.Lng is not { } lng || !target.IsHeldBy(rider.Id)) return null;
        var clock = now;
        var kmh = rider.Vehicle.SpeedKmh;
        var pickedUp = new HashSet<Guid>();
        foreach (var job in held.Where(j => j.IsHeldBy(rider.Id)).OrderBy(j => j.PlannedSequence ?? int.MaxValue).ThenBy(j => j.PromisedBy))
        {
            if (job.Status != JobStatus.PickedUp && pickedUp.Add(job.Id))
            {
                clock += Ride(lat, lng, job.PickupLat, job.PickupLng, kmh, detourFactor);
                if (clock < job.ReadyAt) clock = job.ReadyAt;
                clock += StopTime;
                (lat, lng) = (job.PickupLat, job.PickupLng);
            }
            clock += Ride(lat, lng, job.DropLat, job.DropLng, kmh, detourFactor);
            if (job.Id == target.Id) return clock;
            clock += StopTime;
            (lat, lng) = (job.DropLat, job.DropLng);
        }
        return clock;
    }

    private static TimeSpan Ride(double fromLat, double fromLng, double toLat, double toLng, double kmh, double detourFactor) =>
        TimeSpan.FromHours(Geo.DistanceKm(fromLat, fromLng, toLat, toLng) * detourFactor / Math.Max(kmh, 1));
}
