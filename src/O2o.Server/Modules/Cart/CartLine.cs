using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Cart;

internal sealed class CartLine
{
    public const int MaxLines = 100;

    public required string UserId { get; init; }
    public Guid ProductId { get; init; }
    public int Quantity { get; set; }
    public DateTimeOffset AddedAt { get; init; }
}

internal static class CartPersistence
{
    public static void Configure(ModelBuilder builder) => builder.Entity<CartLine>(e =>
    {
        e.ToTable("cart_lines", t => t.HasCheckConstraint("ck_cart_lines_quantity", "quantity > 0"));
        e.HasKey(l => new { l.UserId, l.ProductId });
    });
}
