using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Cart;

public sealed record CartItem(Guid ProductId, int Quantity);

/// <summary>The Cart module's facade: checkout reads the cart and empties it in its own transaction.</summary>
public interface ICart
{
    Task<IReadOnlyList<CartItem>> GetItemsAsync(string userId, CancellationToken ct);
    Task ClearAsync(string userId, CancellationToken ct);
}

internal sealed class CartFacade(O2oDb db) : ICart
{
    public async Task<IReadOnlyList<CartItem>> GetItemsAsync(string userId, CancellationToken ct) =>
        await db.Set<CartLine>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.AddedAt)
            .Select(l => new CartItem(l.ProductId, l.Quantity)).ToListAsync(ct);

    public Task ClearAsync(string userId, CancellationToken ct) =>
        db.Set<CartLine>().Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
}
