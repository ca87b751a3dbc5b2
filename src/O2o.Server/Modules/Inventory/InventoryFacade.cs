using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
            await MustMoveAsync(storeId, line, MovementKinds.Release, 0, -line.Quantity, StockGuard.ReservedAtLeast(line.Quantity), reference, null, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CommitSaleAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        foreach (var line in Ordered(lines))
            await MustMoveAsync(storeId, line, MovementKinds.Sale, -line.Quantity, -line.Quantity, StockGuard.ReservedAndOnHandAtLeast(line.Quantity), reference, null, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        foreach (var line in Ordered(lines))
            await MustMoveAsync(storeId, line, MovementKinds.CounterReturn, line.Quantity, 0, StockGuard.None, reference, null, ct);
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
            var guard = online ? StockGuard.OnlineAvailable(q) : StockGuard.ShelfAvailable(q);
            if (await TryMoveAsync(storeId, line, kind, onHand * q, reserved * q, guard, reference, null, ct)) continue;
            var level = await db.Set<StockLevel>().AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == storeId && s.ProductId == line.ProductId, ct);
            var available = level is null ? 0 : online ? level.OnlineAvailable : Math.Max(0, level.OnHand - level.Reserved);
            shortages.Add(new Shortage(line.ProductId, q, available));
        }
        if (shortages.Count == 0) await db.SaveChangesAsync(ct);
        return shortages;
    }

    private async Task MustMoveAsync(Guid storeId, StockLine line, string kind, int onHandDelta, int reservedDelta,
        StockGuard guard, string reference, string? reason, CancellationToken ct)
    {
        if (!await TryMoveAsync(storeId, line, kind, onHandDelta, reservedDelta, guard, reference, reason, ct))
            throw new InvalidOperationException($"Stock of {line.ProductId} at {storeId} cannot take {kind} of {line.Quantity} ({reference}).");
    }

    internal async Task<bool> TryMoveAsync(Guid storeId, StockLine line, string kind, int onHandDelta, int reservedDelta,
        StockGuard guard, string reference, string? reason, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Stock changes must run inside the caller's transaction.");
        var now = clock.GetUtcNow();
        var after = await UpdateReturningAsync(transaction, storeId, line.ProductId, onHandDelta, reservedDelta, guard, now, ct);
        if (after is null) return false;

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

    /// <summary>
    /// The conditional update and the values it leaves, in one statement (RETURNING, on both databases): the hot path of
    /// every checkout, so it is plain SQL.
    /// </summary>
    private async Task<StockLevel?> UpdateReturningAsync(IDbContextTransaction transaction, Guid storeId, Guid productId,
        int onHandDelta, int reservedDelta, StockGuard guard, DateTimeOffset now, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText =
            "UPDATE inventory_stock SET on_hand = on_hand + @on_hand_delta, reserved = reserved + @reserved_delta, updated_at = @now " +
            $"WHERE store_id = @store_id AND product_id = @product_id AND ({guard.Sql}) " +
            "RETURNING on_hand, reserved, safety_stock, low_stock_threshold";
        AddParameters(db, command, storeId, productId, now);
        var ints = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(int))!;
        command.Parameters.Add(ints.CreateParameter(command, "on_hand_delta", onHandDelta));
        command.Parameters.Add(ints.CreateParameter(command, "reserved_delta", reservedDelta));
        command.Parameters.Add(ints.CreateParameter(command, "a", guard.A));
        command.Parameters.Add(ints.CreateParameter(command, "b", guard.B));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StockLevel
        {
            StoreId = storeId, ProductId = productId, OnHand = reader.GetInt32(0), Reserved = reader.GetInt32(1),
            SafetyStock = reader.GetInt32(2), LowStockThreshold = reader.GetInt32(3), UpdatedAt = now,
        };
    }

    /// <summary>
    /// A product a store has never stocked gets an empty row first, so every change is a conditional update. Two first
    /// changes may race to create it; the loser's insert does nothing (same SQL on both databases).
    /// </summary>
    internal static Task<int> EnsureRowAsync(O2oDb db, Guid storeId, Guid productId, DateTimeOffset now, CancellationToken ct) =>
        // In a transaction of its own (unless the caller's), so on SQLite it takes its turn at the writer like every write.
        db.InTransactionAsync(async () =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText =
                "INSERT INTO inventory_stock (store_id, product_id, on_hand, reserved, safety_stock, low_stock_threshold, updated_at) " +
                "VALUES (@store_id, @product_id, 0, 0, 0, 0, @now) ON CONFLICT DO NOTHING";
            AddParameters(db, command, storeId, productId, now);
            return await command.ExecuteNonQueryAsync(ct);
        }, _ => true, ct);

    /// <summary>Ids and the instant made by EF Core's own type mappings, so they are stored exactly as the model stores them.</summary>
    private static void AddParameters(O2oDb db, DbCommand command, Guid storeId, Guid productId, DateTimeOffset now)
    {
        var ids = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!;
        var instants = db.Model.FindEntityType(typeof(StockLevel))!.FindProperty(nameof(StockLevel.UpdatedAt))!.GetRelationalTypeMapping();
        command.Parameters.Add(ids.CreateParameter(command, "store_id", storeId));
        command.Parameters.Add(ids.CreateParameter(command, "product_id", productId));
        command.Parameters.Add(instants.CreateParameter(command, "now", now));
    }

    /// <summary>A fixed lock order (by product id) keeps two concurrent multi-line changes from deadlocking on PostgreSQL.</summary>
    private static IEnumerable<StockLine> Ordered(IReadOnlyList<StockLine> lines) => lines.OrderBy(l => l.ProductId);
}

/// <summary>
/// What a stock row must satisfy for a move, checked inside the UPDATE itself so concurrent callers cannot both pass it.
/// The SQL is fixed here; only <see cref="A"/> and <see cref="B"/> vary, and they are sent as parameters.
/// </summary>
internal sealed record StockGuard(string Sql, int A = 0, int B = 0)
{
    public static readonly StockGuard None = new("1 = 1");
    /// <summary>What may be promised online: on hand, less reserved, less safety stock.</summary>
    public static StockGuard OnlineAvailable(int quantity) => new("on_hand - reserved - safety_stock >= @a", quantity);
    /// <summary>What the counter may sell: on hand less reserved (safety stock is on the shelf).</summary>
    public static StockGuard ShelfAvailable(int quantity) => new("on_hand - reserved >= @a", quantity);
    public static StockGuard ReservedAtLeast(int quantity) => new("reserved >= @a", quantity);
    public static StockGuard ReservedAndOnHandAtLeast(int quantity) => new("reserved >= @a AND on_hand >= @a", quantity);
    /// <summary>A count lands only on the on-hand value it was computed from.</summary>
    public static StockGuard CountedFrom(int seenOnHand, int countedOnHand) => new("on_hand = @a AND reserved <= @b", seenOnHand, countedOnHand);
    public static StockGuard AdjustableBy(int delta, int maxOnHand) => new("on_hand + @a >= reserved AND on_hand + @a <= @b", delta, maxOnHand);
}

internal static class InventoryErrors
{
    public static readonly Error BelowReserved = Error.Conflict("below_reserved", "On hand cannot go below the units reserved by open orders.");
    public static readonly Error Busy = Error.Conflict("stock_busy", "The stock changed too often while being set; try again.");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error AlertNotFound = Error.NotFound("stock_alert_not_found", "The stock alert");
    public static readonly Error TransferNotFound = Error.NotFound("transfer_not_found", "The transfer");
    public static readonly Error SameStore = Error.Unprocessable("same_store", "A transfer goes from one store to another store.");
    public static readonly Error TransferNotInTransit = Error.Conflict("transfer_not_in_transit", "The transfer was already received or cancelled.");
}
