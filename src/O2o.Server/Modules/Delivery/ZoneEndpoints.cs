using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>A store's delivery area: its radius by default, or a drawn GeoJSON polygon that must contain the store.</summary>
internal static class ZoneEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var zone = api.MapGroup("/stores/{storeId}/delivery-zone").WithTags("Store operations");
        zone.MapGet("", Get).AllowAnonymous().WithSummary("The store's delivery area: radius, or the drawn GeoJSON polygon");
        zone.MapPut("", Put).RequireAuthorization(Policies.Admin).WithSummary("Draw the store's delivery area as a GeoJSON Polygon or MultiPolygon");
        zone.MapDelete("", Delete).RequireAuthorization(Policies.Admin).WithSummary("Remove the drawn area: the radius applies again");
    }

    private static async Task<IResult> Get(string storeId, IStores stores, O2oDb db, CancellationToken ct)
    {
        var store = Guid.TryParse(storeId, out var id) ? await stores.FindAsync(id, ct) : null;
        if (store is null) return DeliveryErrors.StoreNotFound.ToProblem();
        var zone = await db.Set<DeliveryZone>().AsNoTracking().FirstOrDefaultAsync(z => z.StoreId == store.Id, ct);
        return Results.Ok(new DeliveryZoneResponse(store.Id.ToString(), zone is null ? "radius" : "polygon", store.DeliveryRadiusKm, zone?.GeoJson, zone?.UpdatedAt));
    }

    private static async Task<IResult> Put(string storeId, DeliveryZoneRequest request, ClaimsPrincipal principal, IStores stores, O2oDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.GeoJson is { Length: > 200_000 }) return Error.Validation("geoJson", "At most 200,000 characters.").ToProblem();
        var (polygon, problem) = ZonePolygon.Parse(request.GeoJson);
        if (polygon is null) return Error.Validation("geoJson", problem!).ToProblem();
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return DeliveryErrors.StoreNotFound.ToProblem();
        if (!store.Offers("delivery")) return DeliveryErrors.DeliveryNotOffered.ToProblem();
        if (!polygon.Contains(store.Lat, store.Lng)) return DeliveryErrors.ZoneExcludesStore.ToProblem();
        var zone = await db.Set<DeliveryZone>().FirstOrDefaultAsync(z => z.StoreId == store.Id, ct);
        if (zone is null) db.Add(zone = new DeliveryZone { StoreId = store.Id, GeoJson = request.GeoJson! });
        zone.GeoJson = request.GeoJson!;
        zone.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Results.Ok(new DeliveryZoneResponse(store.Id.ToString(), "polygon", store.DeliveryRadiusKm, zone.GeoJson, zone.UpdatedAt));
    }

    private static async Task<IResult> Delete(string storeId, ClaimsPrincipal principal, IStores stores, O2oDb db, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return DeliveryErrors.StoreNotFound.ToProblem();
        await db.Set<DeliveryZone>().Where(z => z.StoreId == store.Id).ExecuteDeleteAsync(ct);
        return Results.NoContent();
    }
}
