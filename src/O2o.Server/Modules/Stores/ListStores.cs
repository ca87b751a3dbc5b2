using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Analytics;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

internal static class ListStores
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/stores", Nearby).AllowAnonymous().WithTags("Browsing").WithSummary("Stores near a position, nearest first");
        api.MapGet("/stores/{storeId}", GetOne).AllowAnonymous().WithTags("Browsing").WithSummary("One store with its opening hours");
    }

    private static async Task<Results<Ok<StoreResponse[]>, ProblemHttpResult>> Nearby(
        double? lat, double? lng, double? radiusKm, O2oDb db, TimeProvider clock, IOptions<StoresOptions> options, CancellationToken ct)
    {
        var v = new Validation();
        var now = clock.GetUtcNow();
        if (lat is null && lng is null)
        {
            if (radiusKm is not null) v.Add("radiusKm", "Give lat and lng with a radius.");
            if (v.Error is not null) return v.Error.ToProblem();
            var all = await db.Set<Store>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
            return TypedResults.Ok(all.Select(s => StoreViews.ToResponse(s, now, null)).ToArray());
        }
        v.Position("", lat, lng);
        var radius = radiusKm ?? options.Value.DefaultSearchRadiusKm;
        if (radius <= 0 || radius > options.Value.MaxSearchRadiusKm || double.IsNaN(radius))
            v.Add("radiusKm", $"Must be above 0 and at most {options.Value.MaxSearchRadiusKm}.");
        if (v.Error is not null) return v.Error.ToProblem();

        var result = (await StoreSearch.WithinAsync(db, lat!.Value, lng!.Value, radius, ct))
            .Select(x => StoreViews.ToResponse(x.Store, now, Math.Round(x.Km, 3)))
            .ToArray();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> GetOne(string storeId, O2oDb db, IFunnel funnel, TimeProvider clock, CancellationToken ct)
    {
        var store = Guid.TryParse(storeId, out var id) ? await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();
        funnel.Count(FunnelSteps.ViewStore, store.MerchantId, store.Id);
        return TypedResults.Ok(StoreViews.ToResponse(store, clock.GetUtcNow(), null));
    }
}

internal static class StoreSearch
{
    /// <summary>A bounding box narrows the rows in SQL; the exact great-circle distance decides. Nearest first.</summary>
    public static async Task<List<(Store Store, double Km)>> WithinAsync(O2oDb db, double lat, double lng, double radiusKm, CancellationToken ct)
    {
        var dLat = radiusKm / 111.0;
        var dLng = radiusKm / (111.0 * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        var candidates = await db.Set<Store>().AsNoTracking()
            .Where(s => s.Lat >= lat - dLat && s.Lat <= lat + dLat && s.Lng >= lng - dLng && s.Lng <= lng + dLng)
            .ToListAsync(ct);
        return candidates.Select(s => (Store: s, Km: Geo.DistanceKm(lat, lng, s.Lat, s.Lng)))
            .Where(x => x.Km <= radiusKm).OrderBy(x => x.Km).ToList();
    }
}

internal static class StoreViews
{
    public static StoreResponse ToResponse(Store s, DateTimeOffset now, double? distanceKm) => new(
        s.Id.ToString(), s.MerchantId.ToString(), s.Name, s.NameEn, s.Address, s.Lat, s.Lng, s.TimeZone,
        s.OpeningHours.Select(p => new OpeningHoursDto(p.Day.ToString().ToLowerInvariant(), OpeningPeriod.Format(p.OpensMinute), OpeningPeriod.Format(p.ClosesMinute))).ToArray(),
        s.Services.ToArray(), s.DeliveryRadiusKm, s.Phone, s.IsOpenAt(now), distanceKm);
}
