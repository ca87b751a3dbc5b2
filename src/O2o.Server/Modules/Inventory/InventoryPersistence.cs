using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Inventory;

internal static class InventoryPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StockLevel>(e =>
        {
            e.ToTable("inventory_stock", t =>
            {
                t.HasCheckConstraint("ck_inventory_stock_on_hand", "on_hand >= 0");
                t.HasCheckConstraint("ck_inventory_stock_reserved", "reserved >= 0 AND reserved <= on_hand");
            });
            e.HasKey(s => new { s.StoreId, s.ProductId });
            e.HasIndex(s => s.ProductId);
        });
        builder.Entity<StockMovement>(e =>
        {
            e.ToTable("inventory_ledger");
            e.HasKey(m => m.Id);
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.Reference).HasMaxLength(100);
            e.Property(m => m.Reason).HasMaxLength(200);
            e.HasIndex(m => new { m.StoreId, m.ProductId, m.At });
        });
    }
}
