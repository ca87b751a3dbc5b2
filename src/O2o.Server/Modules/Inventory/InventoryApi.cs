using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

public sealed record StockLine(Guid ProductId, int Quantity);

public sealed record Shortage(Guid ProductId, int Requested, int Available);

public static class Shortages
{
    /// <summary>409 <c>insufficient_stock</c> naming every short product, as checkout and the counter both answer.</summary>
    public static Error ToError(IReadOnlyList<Shortage> shortages, Func<Guid, string> nameOf) =>
        Error.Conflict("insufficient_stock", "Not enough stock at this store for: " + string.Join(", ", shortages.Select(s => $"{nameOf(s.ProductId)} (wanted {s.Requested}, available {s.Available})")))
            with
            {
                Extensions = new Dictionary<string, object?> { ["products"] = shortages.Select(s => new { productId = s.ProductId.ToString(), name = nameOf(s.ProductId), requested = s.Requested, available = s.Available }).ToArray() },
                DetailZh = "库存不足：" + string.Join("，", shortages.Select(s => $"{nameOf(s.ProductId)}（需要 {s.Requested}，可售 {s.Available}）")),
            };
}

/// <summary>The Inventory module's facade. Every call must run inside the caller's database transaction.</summary>
public interface IInventory
{
    /// <summary>Reserves every line or none: on a shortage the caller rolls back and gets every short product.</summary>
    Task<IReadOnlyList<Shortage>> ReserveAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    Task ReleaseAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Reserved units leave the store: on hand and reserved both go down.</summary>
    Task CommitSaleAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Sells straight from available stock (the counter): every line or none, like a reservation.</summary>
    Task<IReadOnlyList<Shortage>> SellAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Units brought back to the store go on hand again.</summary>
    Task ReturnAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(Guid storeId, IReadOnlyCollection<Guid> productIds, CancellationToken ct);
}

internal sealed class InventoryFacade(O2oDb db, TimeProvider clock) : IInventory
{
    public async Task<IReadOnlyList<Shortage>> ReserveAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        EnsureTransaction();
        var shortages = new List<Shortage>();
        // A fixed lock order (by product id) keeps two concurrent checkouts from deadlocking on PostgreSQL.
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            var changed = await Stock(storeId, line.ProductId)
                .Where(s => s.OnHand - s.Reserved >= line.Quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reserved, s => s.Reserved + line.Quantity).SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), ct);
            if (changed == 1)
            {
                await RecordAsync(storeId, line, MovementKinds.Reserve, 0, line.Quantity, reference, ct);
                continue;
            }
            var level = await Stock(storeId, line.ProductId).AsNoTracking().FirstOrDefaultAsync(ct);
            shortages.Add(new Shortage(line.ProductId, line.Quantity, level is null ? 0 : Math.Max(0, level.OnHand - level.Reserved)));
        }
        if (shortages.Count == 0) await db.SaveChangesAsync(ct);
        return shortages;
    }

    public async Task ReleaseAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        EnsureTransaction();
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            var changed = await Stock(storeId, line.ProductId).Where(s => s.Reserved >= line.Quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Reserved, s => s.Reserved - line.Quantity).SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), ct);
            if (changed != 1) throw new InvalidOperationException($"Releasing {line.Quantity} of {line.ProductId} at {storeId} ({reference}) found fewer reserved.");
            await RecordAsync(storeId, line, MovementKinds.Release, 0, -line.Quantity, reference, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task CommitSaleAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        EnsureTransaction();
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            var changed = await Stock(storeId, line.ProductId).Where(s => s.Reserved >= line.Quantity && s.OnHand >= line.Quantity)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Reserved, s => s.Reserved - line.Quantity)
                    .SetProperty(s => s.OnHand, s => s.OnHand - line.Quantity)
                    .SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), ct);
            if (changed != 1) throw new InvalidOperationException($"Selling {line.Quantity} of {line.ProductId} at {storeId} ({reference}) found fewer reserved.");
            await RecordAsync(storeId, line, MovementKinds.Sale, -line.Quantity, -line.Quantity, reference, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<Shortage>> SellAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        EnsureTransaction();
        var shortages = new List<Shortage>();
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            var changed = await Stock(storeId, line.ProductId)
                .Where(s => s.OnHand - s.Reserved >= line.Quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand - line.Quantity).SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), ct);
            if (changed == 1)
            {
                await RecordAsync(storeId, line, MovementKinds.CounterSale, -line.Quantity, 0, reference, ct);
                continue;
            }
            var level = await Stock(storeId, line.ProductId).AsNoTracking().FirstOrDefaultAsync(ct);
            shortages.Add(new Shortage(line.ProductId, line.Quantity, level is null ? 0 : Math.Max(0, level.OnHand - level.Reserved)));
        }
        if (shortages.Count == 0) await db.SaveChangesAsync(ct);
        return shortages;
    }

    public async Task ReturnAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct)
    {
        EnsureTransaction();
        foreach (var line in lines.OrderBy(l => l.ProductId))
        {
            var changed = await Stock(storeId, line.ProductId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + line.Quantity).SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), ct);
            if (changed != 1) throw new InvalidOperationException($"Returning {line.ProductId} to {storeId} ({reference}): the store never stocked it.");
            await RecordAsync(storeId, line, MovementKinds.CounterReturn, line.Quantity, 0, reference, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(Guid storeId, IReadOnlyCollection<Guid> productIds, CancellationToken ct) =>
        await db.Set<StockLevel>().AsNoTracking()
            .Where(s => s.StoreId == storeId && productIds.Contains(s.ProductId))
            .ToDictionaryAsync(s => s.ProductId, s => Math.Max(0, s.OnHand - s.Reserved), ct);

    private IQueryable<StockLevel> Stock(Guid storeId, Guid productId) =>
        db.Set<StockLevel>().Where(s => s.StoreId == storeId && s.ProductId == productId);

    private async Task RecordAsync(Guid storeId, StockLine line, string kind, int onHandDelta, int reservedDelta, string reference, CancellationToken ct)
    {
        var after = await Stock(storeId, line.ProductId).AsNoTracking().Select(s => new { s.OnHand, s.Reserved }).FirstAsync(ct);
        db.Add(new StockMovement
        {
            StoreId = storeId, ProductId = line.ProductId, At = clock.GetUtcNow(), Kind = kind, Quantity = line.Quantity,
            OnHandDelta = onHandDelta, ReservedDelta = reservedDelta, OnHandAfter = after.OnHand, ReservedAfter = after.Reserved, Reference = reference,
        });
    }

    private void EnsureTransaction()
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock changes must run inside the caller's transaction.");
    }
}

internal static class InventoryErrors
{
    public static readonly Error BelowReserved = Error.Conflict("below_reserved", "On hand cannot be set below the units reserved by open orders.");
    public static readonly Error Busy = Error.Conflict("stock_busy", "The stock changed too often while being set; try again.");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
}
