using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

internal static class SetStock
{
    public const int MaxOnHand = 1_000_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/stores/{storeId}/inventory/{productId}", Set).RequireAuthorization(Policies.StoreOperator).WithTags("Administration")
            .WithSummary("Set the units on hand of a product at a store (a counted adjustment in the ledger)");
        api.MapGet("/stores/{storeId}/inventory/{productId}", Get).RequireAuthorization(Policies.StoreOperator).WithTags("Store operations")
            .WithSummary("On hand, reserved and available of a product at a store");
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Set(
        string storeId, string productId, SetStockRequest request, ClaimsPrincipal principal,
        O2oDb db, IStores stores, ICatalog catalog, TimeProvider clock, CancellationToken ct)
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
            // Optimistic: the update only lands on the on-hand value it was computed from, so the ledger delta is exact.
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var before = await db.Set<StockLevel>().AsNoTracking().FirstAsync(s => s.StoreId == store && s.ProductId == product, ct);
                if (before.Reserved > onHand) return (Result<StockLevel>)InventoryErrors.BelowReserved;
                var now = clock.GetUtcNow();
                var changed = await db.Set<StockLevel>()
                    .Where(s => s.StoreId == store && s.ProductId == product && s.OnHand == before.OnHand && s.Reserved <= onHand)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, onHand).SetProperty(s => s.UpdatedAt, now), ct);
                if (changed == 0) continue;
                var after = await db.Set<StockLevel>().AsNoTracking().FirstAsync(s => s.StoreId == store && s.ProductId == product, ct);
                var delta = onHand - before.OnHand;
                db.Add(new StockMovement
                {
                    StoreId = store, ProductId = product, At = now, Kind = MovementKinds.Adjustment, Quantity = Math.Abs(delta),
                    OnHandDelta = delta, OnHandAfter = after.OnHand, ReservedAfter = after.Reserved,
                    Reference = $"user:{Actor.From(principal).UserId}", Reason = "stock count",
                });
                await db.SaveChangesAsync(ct);
                return after;
            }
            return InventoryErrors.Busy;
        }, r => r.IsSuccess, ct);

        return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> Get(
        string storeId, string productId, ClaimsPrincipal principal, O2oDb db, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var target = await Resolve(storeId, productId, principal, stores, catalog, ct);
        if (!target.IsSuccess) return target.Error!.ToProblem();
        var (store, product) = target.Value;
        var level = await db.Set<StockLevel>().AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == store && s.ProductId == product, ct)
                    ?? new StockLevel { StoreId = store, ProductId = product };
        return TypedResults.Ok(ToResponse(level));
    }

    private static async Task<Result<(Guid StoreId, Guid ProductId)>> Resolve(
        string storeId, string productId, ClaimsPrincipal principal, IStores stores, ICatalog catalog, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound;
        var product = Guid.TryParse(productId, out var pid) ? (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (product is null || product.MerchantId != store.MerchantId) return InventoryErrors.ProductNotFound;
        return (store.Id, product.Id);
    }

    /// <summary>A product a store has never stocked gets an empty row first, so the adjustment is a conditional update like every other.</summary>
    private static async Task EnsureRowAsync(O2oDb db, Guid store, Guid product, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<StockLevel>().AnyAsync(s => s.StoreId == store && s.ProductId == product, ct)) return;
        db.Add(new StockLevel { StoreId = store, ProductId = product, UpdatedAt = clock.GetUtcNow() });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* created concurrently */ }
        db.ChangeTracker.Clear();
    }

    private static StockResponse ToResponse(StockLevel s) =>
        new(s.StoreId.ToString(), s.ProductId.ToString(), s.OnHand, s.Reserved, Math.Max(0, s.OnHand - s.Reserved));
}
