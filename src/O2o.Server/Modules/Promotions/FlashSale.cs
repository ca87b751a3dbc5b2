using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>限时抢购: a number of units of one product at a sale price, in a time window, with a limit per customer.</summary>
internal sealed class FlashSale
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MerchantId { get; init; }
    public Guid ProductId { get; init; }
    /// <summary>Empty means every store of the merchant.</summary>
    public List<Guid> StoreIds { get; init; } = [];
    public long PriceFen { get; init; }
    public long RegularPriceFen { get; init; }
    public int Quantity { get; init; }
    /// <summary>Units not yet taken by an order; changed only by conditional updates.</summary>
    public int Remaining { get; init; }
    public int PerCustomerLimit { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool SellsAt(Guid storeId) => StoreIds.Count == 0 || StoreIds.Contains(storeId);

    public string StatusAt(DateTimeOffset now) =>
        now < StartsAt ? "upcoming" : now >= EndsAt ? "ended" : Remaining <= 0 ? "sold_out" : "active";
}

/// <summary>How many units one customer holds of a sale (paid or waiting for payment).</summary>
internal sealed class FlashSaleBuyer
{
    public Guid SaleId { get; init; }
    public required string CustomerId { get; init; }
    public int Quantity { get; init; }
}

/// <summary>An order made in a sale; its units go back to the sale once if the order is cancelled or expires.</summary>
internal sealed class FlashSaleOrder
{
    public Guid OrderId { get; init; }
    public Guid SaleId { get; init; }
    public required string CustomerId { get; init; }
    public int Quantity { get; init; }
    public bool Returned { get; init; }
}

internal static class PromotionsPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FlashSale>(e =>
        {
            e.ToTable("promotions_flash_sales", t => t.HasCheckConstraint("ck_promotions_flash_sales_remaining", "remaining >= 0 AND remaining <= quantity"));
            e.HasKey(s => s.Id);
            e.Property(s => s.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 4000);
            e.HasIndex(s => new { s.MerchantId, s.StartsAt });
        });
        builder.Entity<FlashSaleBuyer>(e =>
        {
            e.ToTable("promotions_flash_sale_buyers", t => t.HasCheckConstraint("ck_promotions_flash_sale_buyers_quantity", "quantity >= 0"));
            e.HasKey(b => new { b.SaleId, b.CustomerId });
            e.Property(b => b.CustomerId).HasMaxLength(64);
        });
        builder.Entity<FlashSaleOrder>(e =>
        {
            e.ToTable("promotions_flash_sale_orders");
            e.HasKey(o => o.OrderId);
            e.Property(o => o.CustomerId).HasMaxLength(64);
            e.HasIndex(o => o.SaleId);
        });
        PromotionRulesPersistence.Configure(builder);
    }
}
