using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>The append-only stock ledger of a store and product, and the proof that stock levels are its sums.</summary>
internal static class StockLedger
{
    public const int MaxEntries = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/stores/{storeId}/inventory/{productId}/ledger", Get).RequireAuthorization(Policies.StoreOperator).WithTags("Store operations")
            .WithSummary("Every stock movement of a product at a store, oldest first");
        api.MapGet("/admin/inventory/consistency", Check).RequireAuthorization(Policies.PlatformAdmin).WithTags("Administration")
            .WithSummary("Checks that on hand and reserved of every stock level equal the sums of its ledger");
    }

    private static async Task<Results<Ok<LedgerEntryResponse[]>, ProblemHttpResult>> Get(
        string storeId, string productId, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        ICatalog catalog, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, MaxEntries).Error is { } invalid) return invalid.ToProblem();
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        var product = Guid.TryParse(productId, out var pid) ? (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (product is null || product.MerchantId != store.MerchantId) return InventoryErrors.ProductNotFound.ToProblem();

        // Oldest first, as the contract says; without a page, the last one (the newest entries).
        var entries = await Paging.PageAsync(db.Set<StockMovement>().AsNoTracking()
            .Where(m => m.StoreId == store.Id && m.ProductId == product.Id)
            .OrderBy(m => m.At).ThenBy(m => m.Id), page, pageSize ?? MaxEntries, http, ct, lastByDefault: true);
        return TypedResults.Ok(entries
            .Select(m => new LedgerEntryResponse(m.At, m.Kind, m.Quantity, m.OnHandDelta, m.ReservedDelta, m.OnHandAfter, m.ReservedAfter, m.Reference, m.Reason))
            .ToArray());
    }

    private static async Task<Ok<ConsistencyReport>> Check(O2oDb db, CancellationToken ct)
    {
        var sums = await db.Set<StockMovement>().AsNoTracking()
            .GroupBy(m => new { m.StoreId, m.ProductId })
            .Select(g => new { g.Key.StoreId, g.Key.ProductId, OnHand = g.Sum(m => m.OnHandDelta), Reserved = g.Sum(m => m.ReservedDelta) })
            .ToDictionaryAsync(x => (x.StoreId, x.ProductId), ct);
        var levels = await db.Set<StockLevel>().AsNoTracking().ToListAsync(ct);
        var mismatches = new List<StockMismatch>();
        foreach (var level in levels)
        {
            var sum = sums.GetValueOrDefault((level.StoreId, level.ProductId));
            var (onHand, reserved) = sum is null ? (0, 0) : (sum.OnHand, sum.Reserved);
            if (onHand != level.OnHand || reserved != level.Reserved)
                mismatches.Add(new StockMismatch(level.StoreId.ToString(), level.ProductId.ToString(), level.OnHand, onHand, level.Reserved, reserved));
        }
        foreach (var orphan in sums.Keys.Except(levels.Select(l => (l.StoreId, l.ProductId))))
            mismatches.Add(new StockMismatch(orphan.StoreId.ToString(), orphan.ProductId.ToString(), 0, sums[orphan].OnHand, 0, sums[orphan].Reserved));
        return TypedResults.Ok(new ConsistencyReport(levels.Count, mismatches.Count == 0, mismatches.ToArray()));
    }
}
