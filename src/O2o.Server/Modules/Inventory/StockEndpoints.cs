using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>A store's stock of one product: counted, adjusted with a reason, its safety stock and alert level.</summary>
internal static class StockEndpoints
{
    public const int MaxOnHand = 1_000_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/stores/{storeId}/inventory/{productId}", Count).RequireAuthorization(Policies.StoreOperator).WithTags("Administration")
            .WithSummary("Set the units on hand after a count (a stock_count movement in the ledger)");
        var stock = api.MapGroup("/stores/{storeId}").RequireAuthorization(Policies.StoreOperator).WithTags("Store operations");
        stock.MapGet("/inventory/{productId}", Get).WithSummary("On hand, reserved, available online, safety stock and units in transit");
        stock.MapPut("/inventory/{productId}/settings", Settings).WithSummary("Safety stock (kept from online promises) and low-stock alert level");
        stock.MapPost("/inventory/{productId}/adjustments", Adjust).WithSummary("Change on hand by a signed quantity with a reason (damaged, expired, found ...)");
        stock.MapGet("/low-stock", LowStock).WithSummary("Products whose online availability is at or below their alert level");
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Count(
        string storeId, string productId, SetStockRequest request, ClaimsPrincipal principal, O2oDb db, InventoryFacade inventory,
        IStores stores, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("onHand", request.OnHand, 0, MaxOnHand);
        if (v.Error is not null) return v.Error.ToProblem();
        var target = await Resolve(storeId, productId, principal, stores, catalog, ct);
        if (!target.IsSuccess) return target.Error!.ToProblem();
        var (store, product) = target.Value;
        var onHand = request.OnHand!.Value;

        await EnsureRowAsync(db, store, product, clock, ct);
        var result = await db.InTransactionAsync(async () =>
        {
            // Optimistic: the count lands only on the on-hand value it was computed from, so the ledger delta is exact.
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var before = await Level(db, store, product).AsNoTracking().FirstAsync(ct);
                if (before.Reserved > onHand) return (Result<bool>)InventoryErrors.BelowReserved;
                var seen = before.OnHand;
                if (await inventory.TryMoveAsync(store, new StockLine(product, Math.Abs(onHand - seen)), MovementKinds.StockCount, onHand - seen, 0,
                        StockGuard.CountedFrom(seen, onHand), $"user:{Actor.From(principal).UserId}", "stock count", ct))
                {
                    await db.SaveChangesAsync(ct);
                    return true;
                }
            }
            return InventoryErrors.Busy;
        }, r => r.IsSuccess, ct);
        return result.IsSuccess ? TypedResults.Ok(await Read(db, store, product, ct)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Adjust(
        string storeId, string productId, AdjustStockRequest request, ClaimsPrincipal principal, O2oDb db, InventoryFacade inventory,
        IStores stores, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("quantity", request.Quantity, -MaxOnHand, MaxOnHand).Text("reason", request.Reason, 200);
        if (request.Quantity == 0) v.Add("quantity", "A zero adjustment changes nothing.");
        if (v.Error is not null) return v.Error.ToProblem();
        var target = await Resolve(storeId, productId, principal, stores, catalog, ct);
        if (!target.IsSuccess) return target.Error!.ToProblem();
        var (store, product) = target.Value;
        var delta = request.Quantity!.Value;

        await EnsureRowAsync(db, store, product, clock, ct);
        var moved = await db.InTransactionAsync(async () =>
        {
            var ok = await inventory.TryMoveAsync(store, new StockLine(product, Math.Abs(delta)), MovementKinds.Adjustment, delta, 0,
                StockGuard.AdjustableBy(delta, MaxOnHand), $"user:{Actor.From(principal).UserId}", request.Reason!.Trim(), ct);
            if (ok) await db.SaveChangesAsync(ct);
            return ok;
        }, ok => ok, ct);
        return moved ? TypedResults.Ok(await Read(db, store, product, ct)) : InventoryErrors.BelowReserved.ToProblem();
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Settings(
        string storeId, string productId, StockSettingsRequest request, ClaimsPrincipal principal, O2oDb db, IStores stores, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("safetyStock", request.SafetyStock, 0, MaxOnHand, required: false)
            .Range("lowStockThreshold", request.LowStockThreshold, 0, MaxOnHand, required: false);
        if (request.SafetyStock is null && request.LowStockThreshold is null) v.Add("safetyStock", "Give safetyStock, lowStockThreshold or both.");
        if (v.Error is not null) return v.Error.ToProblem();
        var target = await Resolve(storeId, productId, principal, stores, catalog, ct);
        if (!target.IsSuccess) return target.Error!.ToProblem();
        var (store, product) = target.Value;

        await EnsureRowAsync(db, store, product, clock, ct);
        var level = db.Set<StockLevel>().Where(s => s.StoreId == store && s.ProductId == product);
        if (request.SafetyStock is { } safety) await level.ExecuteUpdateAsync(u => u.SetProperty(s => s.SafetyStock, safety), ct);
        if (request.LowStockThreshold is { } threshold) await level.ExecuteUpdateAsync(u => u.SetProperty(s => s.LowStockThreshold, threshold), ct);
        return TypedResults.Ok(await Read(db, store, product, ct));
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Get(
        string storeId, string productId, ClaimsPrincipal principal, O2oDb db, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var target = await Resolve(storeId, productId, principal, stores, catalog, ct);
        if (!target.IsSuccess) return target.Error!.ToProblem();
        return TypedResults.Ok(await Read(db, target.Value.StoreId, target.Value.ProductId, ct));
    }

    private static async Task<Results<Ok<LowStockItem[]>, ProblemHttpResult>> LowStock(
        string storeId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        var low = await db.Set<StockLevel>().AsNoTracking()
            .Where(s => s.StoreId == store.Id && s.LowStockThreshold > 0 && s.OnHand - s.Reserved - s.SafetyStock <= s.LowStockThreshold)
            .OrderBy(s => s.OnHand - s.Reserved - s.SafetyStock).Take(500).ToListAsync(ct);
        var products = await catalog.GetAsync(low.Select(l => l.ProductId).ToList(), ct);
        var english = http.PrefersEnglish();
        return TypedResults.Ok(low.Where(l => products.ContainsKey(l.ProductId)).Select(l =>
        {
            var p = products[l.ProductId];
            return new LowStockItem(p.Id.ToString(), p.Sku, english && p.NameEn is { Length: > 0 } ? p.NameEn : p.NameZh, l.OnHand, l.Reserved, l.OnlineAvailable, l.LowStockThreshold);
        }).ToArray());
    }

    internal static async Task<Result<(Guid StoreId, Guid ProductId)>> Resolve(
        string storeId, string productId, ClaimsPrincipal principal, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound;
        var product = Guid.TryParse(productId, out var pid) ? (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (product is null || product.MerchantId != store.MerchantId) return InventoryErrors.ProductNotFound;
        return (store.Id, product.Id);
    }

    internal static Task EnsureRowAsync(O2oDb db, Guid store, Guid product, TimeProvider clock, CancellationToken ct) =>
        InventoryFacade.EnsureRowAsync(db, store, product, clock.GetUtcNow(), ct);

    internal static async Task<StockResponse> Read(O2oDb db, Guid store, Guid product, CancellationToken ct)
    {
        var s = await Level(db, store, product).AsNoTracking().FirstOrDefaultAsync(ct) ?? new StockLevel { StoreId = store, ProductId = product };
        var inTransit = await Transfers.InTransitToAsync(db, store, product, ct);
        return new StockResponse(s.StoreId.ToString(), s.ProductId.ToString(), s.OnHand, s.Reserved, s.OnlineAvailable, s.SafetyStock, s.LowStockThreshold, inTransit);
    }

    private static IQueryable<StockLevel> Level(O2oDb db, Guid store, Guid product) =>
        db.Set<StockLevel>().Where(s => s.StoreId == store && s.ProductId == product);
}
