using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>Stock for every demo product at every demo store: varied, a few sold out, the same on every start.</summary>
public static class InventoryDemo
{
    public static async Task SeedAsync(O2oDb db, IReadOnlyList<Guid> storeIds, IReadOnlyList<Guid> productIds, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var store in storeIds)
        {
            foreach (var product in productIds)
            {
                var roll = StableId.From($"demo:stock:{store}:{product}").ToByteArray()[0];
                var onHand = roll < 8 ? 0 : 5 + roll % 76; // about 3% sold out, otherwise 5..80
                db.Add(new StockLevel { StoreId = store, ProductId = product, OnHand = onHand, UpdatedAt = now });
                if (onHand > 0)
                    db.Add(new StockMovement
                    {
                        StoreId = store, ProductId = product, At = now, Kind = MovementKinds.Adjustment, Quantity = onHand,
                        OnHandDelta = onHand, OnHandAfter = onHand, ReservedAfter = 0, Reference = "demo", Reason = "opening stock",
                    });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
