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
                t.HasCheckConstraint("ck_inventory_stock_safety", "safety_stock >= 0 AND low_stock_threshold >= 0");
            });
            e.HasKey(s => new { s.StoreId, s.ProductId });
            e.HasIndex(s => s.ProductId);
            e.Ignore(s => s.OnlineAvailable);
        });
        builder.Entity<StockTransfer>(e =>
        {
            e.ToTable("inventory_transfers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Status).HasMaxLength(16);
            e.Property(t => t.Note).HasMaxLength(200);
            e.Property(t => t.CreatedBy).HasMaxLength(64);
            e.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TransferId);
            e.HasIndex(t => new { t.FromStoreId, t.CreatedAt });
            e.HasIndex(t => new { t.ToStoreId, t.Status });
        });
        builder.Entity<StockTransferLine>(e =>
        {
            e.ToTable("inventory_transfer_lines");
            e.HasKey(l => new { l.TransferId, l.ProductId });
            e.HasIndex(l => l.ProductId);
        });
        builder.Entity<StockAlert>(e =>
        {
            e.ToTable("inventory_alerts");
            e.HasKey(a => a.Id);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(64);
            e.HasIndex(a => new { a.StoreId, a.AcknowledgedAt, a.RaisedAt });
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
