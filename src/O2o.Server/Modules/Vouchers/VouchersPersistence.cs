using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

internal static class VouchersPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<VoucherTerms>(e =>
        {
            e.ToTable("vouchers_terms");
            e.HasKey(t => t.ProductId);
            e.Property(t => t.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 8000);
        });
        builder.Entity<Voucher>(e =>
        {
            e.ToTable("vouchers_vouchers");
            e.HasKey(v => v.Id);
            e.Property(v => v.Code).HasMaxLength(12);
            e.HasIndex(v => v.Code).IsUnique();
            e.HasIndex(v => new { v.OrderId, v.ProductId, v.Sequence }).IsUnique();
            e.HasIndex(v => new { v.CustomerId, v.ProductId });
            e.HasIndex(v => new { v.Status, v.ValidUntil });
            e.Property(v => v.CustomerId).HasMaxLength(64);
            e.Property(v => v.NameZh).HasMaxLength(200);
            e.Property(v => v.NameEn).HasMaxLength(200);
            e.Property(v => v.Status).HasMaxLength(16);
            e.Property(v => v.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 8000);
        });
        builder.Entity<VoucherRedemption>(e =>
        {
            e.ToTable("vouchers_redemptions");
            e.HasKey(r => r.Id);
            e.Property(r => r.StaffId).HasMaxLength(64);
            e.HasIndex(r => r.VoucherId);
            e.HasIndex(r => new { r.StoreId, r.At });
        });
        builder.Entity<VoucherCodeFailure>(e =>
        {
            e.ToTable("vouchers_code_failures");
            e.HasKey(f => f.Id);
            e.HasIndex(f => new { f.StoreId, f.At });
        });
    }
}
