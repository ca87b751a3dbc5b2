using O2o.Server.Kernel;

namespace O2o.Server.Modules.Inventory;

public sealed record StockLine(Guid ProductId, int Quantity)
{
    /// <summary>
    /// Validated request lines merged by product; an id that cannot exist becomes the empty id, which is then not
    /// found. An error when one product adds up to more than a line may hold.
    /// </summary>
    public static Result<List<StockLine>> Merge<T>(IEnumerable<T> lines, Func<T, string?> productId, Func<T, int?> quantity)
    {
        var merged = lines.GroupBy(l => Guid.TryParse(productId(l), out var id) ? id : Guid.Empty)
            .Select(g => new StockLine(g.Key, g.Sum(l => quantity(l)!.Value))).ToList();
        if (merged.Any(l => l.Quantity > Platform.Validation.MaxQuantity))
            return Error.Validation("lines", $"At most {Platform.Validation.MaxQuantity} units of one product.");
        return merged;
    }
}

public sealed record Shortage(Guid ProductId, int Requested, int Available);

/// <summary>What can be promised online at a store fell to its low-stock threshold.</summary>
public sealed record LowStockReached(Guid StoreId, Guid ProductId, int Available, int Threshold) : IDomainEvent;

/// <summary>The Inventory module's facade. Every change must run inside the caller's database transaction.</summary>
public interface IInventory
{
    /// <summary>Reserves every line or none (online: safety stock is not promised); the caller rolls back on a shortage.</summary>
    Task<IReadOnlyList<Shortage>> ReserveAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    Task ReleaseAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Reserved units leave the store: on hand and reserved both go down.</summary>
    Task CommitSaleAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Sells straight from the shelf (the counter): every line or none, safety stock included.</summary>
    Task<IReadOnlyList<Shortage>> SellAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>Units brought back to the store go on hand again.</summary>
    Task ReturnAsync(Guid storeId, IReadOnlyList<StockLine> lines, string reference, CancellationToken ct);
    /// <summary>What can be promised online of one product, summed over some stores (or all when none are named).</summary>
    Task<int> TotalAvailableAsync(Guid productId, IReadOnlyCollection<Guid> storeIds, CancellationToken ct);
    /// <summary>What can be promised online now, per product.</summary>
    Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(Guid storeId, IReadOnlyCollection<Guid> productIds, CancellationToken ct);
}

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
