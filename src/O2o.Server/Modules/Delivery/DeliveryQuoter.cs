using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// The delivery rule, once, for checkout and for the quote shown before it. The promise comes from the current load:
/// preparation, the ride at an e-bike's pace, and a wait that grows with the store's open deliveries per rider on shift.
/// </summary>
internal sealed class DeliveryQuoter(O2oDb db, IOptions<DeliveryOptions> options) : IDeliveryQuotes
{
    private static readonly TimeSpan NoRiderWait = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan PerBatchWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Rounding = TimeSpan.FromMinutes(5);

    public long FeeFor(double distanceKm, string speed) => options.Value.FeeFor(distanceKm, speed);

    public async Task<DeliveryTerms> QuoteAsync(StoreInfo store, double lat, double lng, string speed, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var km = Math.Round(Geo.DistanceKm(store.Lat, store.Lng, lat, lng), 3);
        var zone = await db.Set<DeliveryZone>().AsNoTracking().FirstOrDefaultAsync(z => z.StoreId == store.Id, ct);
        var polygon = zone is null ? null : ZonePolygon.Parse(zone.GeoJson).Zone;
        var inArea = polygon?.Contains(lat, lng) ?? km <= store.DeliveryRadiusKm;

        var open = await db.Set<DeliveryJob>().CountAsync(j => j.StoreId == store.Id && JobStatus.Active.Contains(j.Status), ct);
        var riders = await RidersOnShiftAsync(store.Id, ct);
        var wait = riders == 0 ? NoRiderWait : PerBatchWait * (open / (riders * 2));
        var ride = TimeSpan.FromHours(km * o.DetourFactor / Vehicles.Of(Vehicles.EBike).SpeedKmh);
        var eta = now + o.PreparationTime + wait + ride;
        var (from, by) = speed == DeliverySpeeds.NoRush
            ? NoRushWindow(eta + TimeSpan.FromMinutes(30), store.TimeZone, o.NoRushWindow)
            : (RoundUp(eta - Rounding), RoundUp(eta + PerBatchWait));
        return new DeliveryTerms(km, store.DeliveryRadiusKm, inArea, polygon is null ? "radius" : "polygon", o.FeeFor(km, speed), speed, from, by);
    }

    private async Task<int> RidersOnShiftAsync(Guid storeId, CancellationToken ct)
    {
        // Store ids are kept as text in one column; the riders on shift are few, so they are filtered here.
        var onShift = await db.Set<Rider>().AsNoTracking().Where(r => r.OnShift).Select(r => r.StoreIds).ToListAsync(ct);
        return onShift.Count(stores => stores.Contains(storeId));
    }

    /// <summary>The first window of the store's day grid (00:00, 02:00, ... for two hours) that starts at or after <paramref name="earliest"/>.</summary>
    private static (DateTimeOffset, DateTimeOffset) NoRushWindow(DateTimeOffset earliest, string timeZone, TimeSpan length)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(earliest, zone);
        var dayStart = new DateTimeOffset(local.Date, local.Offset);
        var windows = Math.Ceiling((local - dayStart) / length);
        var start = dayStart + length * windows;
        return (start.ToUniversalTime(), (start + length).ToUniversalTime());
    }

    private static DateTimeOffset RoundUp(DateTimeOffset at) => new(at.UtcTicks + (Rounding.Ticks - at.UtcTicks % Rounding.Ticks) % Rounding.Ticks, TimeSpan.Zero);
}
