using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>
/// Every stock change is one conditional update (the guard is part of the WHERE, so concurrent callers cannot
/// both pass it) followed by its ledger row, in the caller's transaction.
/// </summary>
internal sealed class InventoryFacade(O2oDb db, EventBus events, TimeProvider clock) : IInventory
{
    public Task<IReadOnlyList<Shortage>> ReserveAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct) =>
        TakeAllAsync(storeId, lines, MovementKinds.Reserve, onHand: 0, reserved: 1, online: true, reference, ct);

    public Task<IReadOnlyList<Shortage>> SellAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct) =>
        TakeAllAsync(storeId, lines, MovementKinds.CounterSale, onHand: -1, reserved: 0, online: false, reference, ct);

    public async Task ReleaseAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        foreach (var line in Ordered(lines))
            await MustMoveAsync(storeId, line, MovementKinds.Release, 0, -line.Quantity, s => s.Reserved >= line.Quantity, reference, null, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CommitSaleAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        foreach (var line in Ordered(lines))
            await MustMoveAsync(storeId, line, MovementKinds.Sale, -line.Quantity, -line.Quantity, s => s.Reserved >= line.Quantity && s.OnHand >= line.Quantity, reference, null, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        foreach (var line in Ordered(lines))
            await MustMoveAsync(storeId, line, MovementKinds.CounterReturn, line.Quantity, 0, _ => true, reference, null, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(Guid storeId, IReadOnlyCollection<Guid> productIds, CancellationToken ct) =>
        await db.Set<StockLevel>().AsNoTracking()
            .Where(s => s.StoreId == storeId && productIds.Contains(s.ProductId))
            .Select(s => new { s.ProductId, Available = s.OnHand - s.Reserved - s.SafetyStock })
            .ToDictionaryAsync(s => s.ProductId, s => Math.Max(0, s.Available), ct);

    public async Task<int> TotalAvailableAsync(Guid productId, IReadOnlyCollection<Guid> storeIds, CancellationToken ct)
    {
        var levels = db.Set<StockLevel>().AsNoTracking().Where(s => s.ProductId == productId);
        if (storeIds.Count > 0) levels = levels.Where(s => storeIds.Contains(s.StoreId));
        return await levels.SumAsync(s => s.OnHand - s.Reserved - s.SafetyStock > 0 ? s.OnHand - s.Reserved - s.SafetyStock : 0, ct);
    }

    /// <summary>Takes every line or reports every short one; on a shortage the caller's transaction must roll back.</summary>
    private async Task<IReadOnlyList<Shortage>> TakeAllAsync(Guid storeId, IReadOnlyList<StockLine> lines, string kind, int onHand, int reserved,
        bool online, string reference, CancellationToken ct)
    {
        var shortages = new List<Shortage>();
        foreach (var line in Ordered(lines))
        {
            var q = line.Quantity;
            Expression<Func<StockLevel, bool>> guard = online
                ? s => s.OnHand - s.Reserved - s.SafetyStock >= q
                : s => s.OnHand - s.Reserved >= q;
            if (await TryMoveAsync(storeId, line, kind, onHand * q, reserved * q, guard, reference, null, ct)) continue;
            var level = await Stock(storeId, line.ProductId).AsNoTracking().FirstOrDefaultAsync(ct);
            var available = level is null ? 0 : online ? level.OnlineAvailable : Math.Max(0, level.OnHand - level.Reserved);
            shortages.Add(new Shortage(line.ProductId, q, available));
        }
        if (shortages.Count == 0) await db.SaveChangesAsync(ct);
        return shortages;
    }

    private async Task MustMoveAsync(Guid storeId, StockLine line, string kind, int onHandDelta, int reservedDelta,
        Expression<Func<StockLevel, bool>> guard, string reference, string? reason, CancellationToken ct)
    {
        if (!await TryMoveAsync(storeId, line, kind, onHandDelta, reservedDelta, guard, reference, reason, ct))
            throw new InvalidOperationException($"Stock of {line.ProductId} at {storeId} cannot take {kind} of {line.Quantity} ({reference}).");
    }

    internal async Task<bool> TryMoveAsync(Guid storeId, StockLine line, string kind, int onHandDelta, int reservedDelta,
        Expression<Func<StockLevel, bool>> guard, string reference, string? reason, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock changes must run inside the caller's transaction.");
        var now = clock.GetUtcNow();
        var changed = await Stock(storeId, line.ProductId).Where(guard).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.OnHand, s => s.OnHand + onHandDelta)
            .SetProperty(s => s.Reserved, s => s.Reserved + reservedDelta)
            .SetProperty(s => s.UpdatedAt, now), ct);
        if (changed == 0) return false;

        var after = await Stock(storeId, line.ProductId).AsNoTracking().FirstAsync(ct);
        db.Add(new StockMovement
        {
            StoreId = storeId, ProductId = line.ProductId, At = now, Kind = kind, Quantity = line.Quantity,
            OnHandDelta = onHandDelta, ReservedDelta = reservedDelta, OnHandAfter = after.OnHand, ReservedAfter = after.Reserved,
            Reference = reference, Reason = reason,
        });
        var availableBefore = after.OnlineAvailable - (onHandDelta - reservedDelta);
        if (after.LowStockThreshold > 0 && after.OnlineAvailable <= after.LowStockThreshold && availableBefore > after.LowStockThreshold)
            events.Publish(new LowStockReached(storeId, line.ProductId, after.OnlineAvailable, after.LowStockThreshold));
        return true;
    }

    /// <summary>A fixed lock order (by product id) keeps two concurrent multi-line changes from deadlocking on PostgreSQL.</summary>
    private static IEnumerable<StockLine> Ordered(IReadOnlyList<StockLine> lines) => lines.OrderBy(l => l.ProductId);

    private IQueryable<StockLevel> Stock(Guid storeId, Guid productId) =>
        db.Set<StockLevel>().Where(s => s.StoreId == storeId && s.ProductId == productId);
}

internal static class InventoryErrors
{
    public static readonly Error BelowReserved = Error.Conflict("below_reserved", "On hand cannot go below the units reserved by open orders.");
    public static readonly Error Busy = Error.Conflict("stock_busy", "The stock changed too often while being set; try again.");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error TransferNotFound = Error.NotFound("transfer_not_found", "The transfer");
    public static readonly Error SameStore = Error.Unprocessable("same_store", "A transfer goes from one store to another store.");
    public static readonly Error TransferNotInTransit = Error.Conflict("transfer_not_in_transit", "The transfer was already received or cancelled.");
}
