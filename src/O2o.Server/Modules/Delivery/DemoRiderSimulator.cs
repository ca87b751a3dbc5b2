using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

internal sealed class DemoRiderOptions
{
    /// <summary>Let the demo's riders ride by themselves (accept, ride, pick up, deliver); null means yes where the demo world is seeded.</summary>
    public bool? SimulateRiders { get; set; }
    /// <summary>How much faster than real time the simulated riders move (a 3 km ride at 18 km/h takes 10 minutes in real time).</summary>
    public double RiderSpeedup { get; set; } = 3;
}

/// <summary>
/// Brings the demo's riders to life through the same <see cref="RiderDesk"/> a rider's app uses: they go on shift at
/// their store, accept offers, ride there and to the door reporting positions, pick up once the store has accepted the
/// order (staff do that in the store console), and deliver with the customer's receipt code. Real riders are never touched.
/// </summary>
internal sealed class DemoRiderSimulator(IServiceScopeFactory scopes, IOptions<DemoRiderOptions> options, TimeProvider clock, ILogger<DemoRiderSimulator> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    private const double ArrivedKm = 0.03;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await StepAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "A simulated demo rider stumbled; trying again");
            }
        }
    }

    private async Task StepAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<O2oDb>();
        var desk = sp.GetRequiredService<RiderDesk>();
        var stores = sp.GetRequiredService<IStores>();
        var riders = await db.Set<Rider>().ToListAsync(ct);
        foreach (var rider in riders.Where(DeliveryDemo.IsDemoRider))
        {
            if (!rider.OnShift)
            {
                if (await stores.FindAsync(rider.StoreIds[0], ct) is { } home) await desk.StartShiftAsync(rider, home.Lat, home.Lng, null, ct);
                continue;
            }
            var held = (await desk.HeldAsync(rider.Id, ct)).OrderBy(j => j.PlannedSequence ?? int.MaxValue).ToList();
            foreach (var offer in held.Where(j => j.Status == JobStatus.Offered)) await desk.AcceptAsync(rider, offer.OrderId, ct);
            var next = held.FirstOrDefault(j => j.Status is JobStatus.Accepted or JobStatus.PickedUp);
            if (next is null || rider.Lat is not { } lat || rider.Lng is not { } lng) continue;
            var pickingUp = next.Status == JobStatus.Accepted;
            var (toLat, toLng) = pickingUp ? (next.PickupLat, next.PickupLng) : (next.DropLat, next.DropLng);
            var km = Geo.DistanceKm(lat, lng, toLat, toLng);
            if (km <= ArrivedKm)
            {
                if (pickingUp) await desk.PickUpAsync(rider, next.OrderId, ct);
                else await desk.DeliverAsync(rider, next.OrderId, next.HandoverCode, null, ct);
                continue;
            }
            var step = rider.Vehicle.SpeedKmh * options.Value.RiderSpeedup * Tick.TotalHours;
            var share = Math.Min(1, step / km);
            await desk.ReportPositionAsync(rider, lat + (toLat - lat) * share, lng + (toLng - lng) * share, null, ct);
        }
    }
}
