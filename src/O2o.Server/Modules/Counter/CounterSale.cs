using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Counter;

/// <summary>A sale at the till: takes from the same per-store stock that online orders reserve.</summary>
internal sealed class CounterSale
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public required string StaffId { get; init; }
    /// <summary>The member who identified at the till (by phone): priced at their tier, and the sale earns them points.</summary>
    public string? CustomerId { get; init; }
    public long SubtotalFen { get; init; }
    /// <summary>What the promotions running at the counter took off, priced by the same engine as online orders.</summary>
    public long DiscountFen { get; init; }
    public long TotalFen { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<CounterSaleLine> Lines { get; init; } = [];
}

internal sealed class CounterSaleLine
{
    public Guid SaleId { get; init; }
    public Guid ProductId { get; init; }
    public required string Sku { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public long UnitPriceFen { get; init; }
    public int Quantity { get; init; }
    /// <summary>The line's share of the sale's discounts; a return refunds what was paid for its units.</summary>
    public long DiscountFen { get; init; }
    /// <summary>Raised only by a conditional update, so concurrent returns never exceed what was sold.</summary>
    public int ReturnedQuantity { get; init; }
}

internal sealed class CounterReturn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SaleId { get; init; }
    public Guid StoreId { get; init; }
    public required string StaffId { get; init; }
    public long RefundFen { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<CounterReturnLine> Lines { get; init; } = [];
}

internal sealed class CounterReturnLine
{
    public Guid ReturnId { get; init; }
    public Guid ProductId { get; init; }
    public int Quantity { get; init; }
    public long RefundFen { get; init; }
}

internal static class CounterPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CounterSale>(e =>
        {
            e.ToTable("counter_sales");
            e.Property(x => x.CustomerId).HasMaxLength(64);
            e.HasKey(s => s.Id);
            e.Property(s => s.StaffId).HasMaxLength(64);
            e.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SaleId);
            e.Navigation(s => s.Lines).AutoInclude();
            e.HasIndex(s => new { s.StoreId, s.CreatedAt });
        });
        builder.Entity<CounterSaleLine>(e =>
        {
            e.ToTable("counter_sale_lines", t => t.HasCheckConstraint("ck_counter_sale_lines_returned", "returned_quantity >= 0 AND returned_quantity <= quantity"));
            e.HasKey(l => new { l.SaleId, l.ProductId });
            e.Property(l => l.Sku).HasMaxLength(64);
            e.Property(l => l.NameZh).HasMaxLength(200);
            e.Property(l => l.NameEn).HasMaxLength(200);
        });
        builder.Entity<CounterReturn>(e =>
        {
            e.ToTable("counter_returns");
            e.HasKey(r => r.Id);
            e.Property(r => r.StaffId).HasMaxLength(64);
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnId);
            e.Navigation(r => r.Lines).AutoInclude();
            e.HasIndex(r => r.SaleId);
        });
        builder.Entity<CounterReturnLine>(e =>
        {
            e.ToTable("counter_return_lines");
            e.HasKey(l => new { l.ReturnId, l.ProductId });
        });
    }
}
