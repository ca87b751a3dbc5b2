using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>"Not here? 3 units at a store 800 m away": where a product can be had near a place or near a store.</summary>
internal static class Availability
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/products/{productId}/availability", Handle).AllowAnonymous().WithTags("Browsing")
            .WithSummary("Stores near a position (or near a store) that can promise the product now, nearest first");

    private static async Task<Results<Ok<StoreAvailability[]>, ProblemHttpResult>> Handle(
        string productId, double? lat, double? lng, string? nearStoreId, double? radiusKm, HttpContext http, O2oDb db, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var v = new Validation();
        if (nearStoreId is null) v.Position("", lat, lng);
        var radius = radiusKm ?? 5;
        if (radius <= 0 || radius > 50 || double.IsNaN(radius)) v.Add("radiusKm", "Must be above 0 and at most 50.");
        if (v.Error is not null) return v.Error.ToProblem();
        var product = Guid.TryParse(productId, out var pid) ? (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (product is null || !product.IsActive) return InventoryErrors.ProductNotFound.ToProblem();

        Guid? exclude = null;
        if (nearStoreId is not null)
        {
            var near = Guid.TryParse(nearStoreId, out var sid) ? await stores.FindAsync(sid, ct) : null;
            if (near is null) return InventoryErrors.StoreNotFound.ToProblem();
            (lat, lng, exclude) = (near.Lat, near.Lng, near.Id);
        }

        var nearby = (await stores.NearbyAsync(lat!.Value, lng!.Value, radius, ct))
            .Where(n => n.Store.Id != exclude && n.Store.MerchantId == product.MerchantId).ToList();
        var ids = nearby.Select(n => n.Store.Id).ToList();
        var available = await db.Set<StockLevel>().AsNoTracking().Where(s => s.ProductId == product.Id && ids.Contains(s.StoreId))
            .Select(s => new { s.StoreId, Available = s.OnHand - s.Reserved - s.SafetyStock })
            .ToDictionaryAsync(s => s.StoreId, s => s.Available, ct);
        return TypedResults.Ok(nearby.Where(n => available.GetValueOrDefault(n.Store.Id) > 0)
            .Select(n => new StoreAvailability(n.Store.Id.ToString(), n.Store.Name, n.Address, Math.Round(n.DistanceKm, 3), n.Store.OpenNow, available[n.Store.Id]))
            .ToArray());
    }
}
