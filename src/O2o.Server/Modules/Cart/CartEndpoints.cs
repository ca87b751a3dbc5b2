using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Analytics;
using O2o.Server.Modules.Catalog;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Cart;

internal static class CartEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cart = api.MapGroup("/cart").RequireAuthorization(Policies.Customer).WithTags("Cart and checkout");
        cart.MapGet("", Get).WithSummary("The caller's cart at today's prices");
        cart.MapPost("/items", Add).WithSummary("Add a product; the quantity adds to an existing line");
        cart.MapPut("/items/{productId}", Set).WithSummary("Set a line's quantity; 0 removes it");
        cart.MapDelete("", Clear).WithSummary("Empty the cart");
    }

    private static async Task<Ok<CartResponse>> Get(ClaimsPrincipal principal, HttpContext http, O2oDb db, ICatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await View(Actor.From(principal).UserId, http.PrefersEnglish(), db, catalog, ct));

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Add(
        AddCartItemRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, ICatalog catalog, IFunnel funnel, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("productId", request.ProductId, 64).Quantity("quantity", request.Quantity);
        if (v.Error is not null) return v.Error.ToProblem();
        var product = await FindProduct(request.ProductId!, catalog, ct);
        if (product is null) return CartErrors.ProductNotFound.ToProblem();

        var userId = Actor.From(principal).UserId;
        var result = await db.InTransactionAsync(async () =>
        {
            var line = await db.Set<CartLine>().FirstOrDefaultAsync(l => l.UserId == userId && l.ProductId == product.Id, ct);
            if (line is null)
            {
                if (await db.Set<CartLine>().CountAsync(l => l.UserId == userId, ct) >= CartLine.MaxLines)
                    return Error.Unprocessable("cart_full", $"A cart holds at most {CartLine.MaxLines} different products.");
                db.Add(new CartLine { UserId = userId, ProductId = product.Id, Quantity = request.Quantity!.Value, AddedAt = clock.GetUtcNow() });
            }
            else if (line.Quantity + request.Quantity!.Value > Validation.MaxQuantity)
            {
                return Error.Validation("quantity", $"A line holds at most {Validation.MaxQuantity} units; this one has {line.Quantity}.");
            }
            else
            {
                line.Quantity += request.Quantity.Value;
            }
            await db.SaveChangesAsync(ct);
            return (Error?)null;
        }, error => error is null, ct);
        if (result is not null) return result.ToProblem();
        funnel.Count(FunnelSteps.AddToCart, product.MerchantId, null);
        return TypedResults.Ok(await View(userId, http.PrefersEnglish(), db, catalog, ct));
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Set(
        string productId, SetCartItemRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("quantity", request.Quantity, 0, Validation.MaxQuantity);
        if (v.Error is not null) return v.Error.ToProblem();
        var product = await FindProduct(productId, catalog, ct);
        if (product is null) return CartErrors.ProductNotFound.ToProblem();

        var userId = Actor.From(principal).UserId;
        var line = await db.Set<CartLine>().FirstOrDefaultAsync(l => l.UserId == userId && l.ProductId == product.Id, ct);
        if (request.Quantity == 0)
        {
            if (line is not null) db.Remove(line);
        }
        else if (line is null)
        {
            if (await db.Set<CartLine>().CountAsync(l => l.UserId == userId, ct) >= CartLine.MaxLines)
                return Error.Unprocessable("cart_full", $"A cart holds at most {CartLine.MaxLines} different products.").ToProblem();
            db.Add(new CartLine { UserId = userId, ProductId = product.Id, Quantity = request.Quantity!.Value, AddedAt = clock.GetUtcNow() });
        }
        else
        {
            line.Quantity = request.Quantity!.Value;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await View(userId, http.PrefersEnglish(), db, catalog, ct));
    }

    private static async Task<NoContent> Clear(ClaimsPrincipal principal, ICart cart, CancellationToken ct)
    {
        await cart.ClearAsync(Actor.From(principal).UserId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<ProductInfo?> FindProduct(string productId, ICatalog catalog, CancellationToken ct)
    {
        if (!Guid.TryParse(productId, out var id)) return null;
        var product = (await catalog.GetAsync([id], ct)).GetValueOrDefault(id);
        return product is { IsActive: true } ? product : null;
    }

    private static async Task<CartResponse> View(string userId, bool english, O2oDb db, ICatalog catalog, CancellationToken ct)
    {
        var lines = await db.Set<CartLine>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.AddedAt).ToListAsync(ct);
        var products = await catalog.GetAsync(lines.Select(l => l.ProductId).ToList(), ct);
        var view = lines.Where(l => products.ContainsKey(l.ProductId)).Select(l =>
        {
            var p = products[l.ProductId];
            var name = english && p.NameEn is { Length: > 0 } ? p.NameEn : p.NameZh;
            return new CartLineResponse(p.Id.ToString(), p.Sku, name, l.Quantity, p.PriceFen, p.PriceFen * l.Quantity);
        }).ToArray();
        return new CartResponse(view, view.Sum(l => l.LineTotalFen));
    }
}

internal static class CartErrors
{
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
}
