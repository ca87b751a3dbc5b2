using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;
using QRCoder;

namespace O2o.Server.Modules.Catalog;

/// <summary>
/// The shelf label's QR code (体验店到线上): scanning it in the store opens the product with that store's stock, to buy
/// for pickup now or delivery home. Staff print it from here; the code only holds a storefront address, nothing secret.
/// </summary>
internal static class ShelfQr
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/stores/{storeId}/products/{productId}/shelf-qr", Get).RequireAuthorization(Policies.StoreOperator).WithTags("Store operations")
            .WithSummary("A product's shelf QR code at this store, as SVG; its address is also in the O2o-Shelf-Url header");

    private static async Task<IResult> Get(string storeId, string productId, int? size, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        IOptions<StorefrontOptions> storefront, CancellationToken ct)
    {
        if (size is < 1 or > 40) return Error.Validation("size", "Pixels per module, 1 to 40.").ToProblem();
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return CatalogErrors.StoreNotFound.ToProblem();
        var id = Guid.TryParse(productId, out var parsed) ? parsed : Guid.Empty;
        var sold = await db.Set<Product>().AsNoTracking()
            .AnyAsync(p => p.Id == id && p.MerchantId == store.MerchantId && p.IsActive && p.Kind == ProductKinds.Goods, ct);
        if (!sold) return CatalogErrors.ProductNotFound.ToProblem();

        var baseUrl = storefront.Value.PublicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}";
        var url = $"{baseUrl}/p/{id}?store={store.Id}";
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        http.Response.Headers["O2o-Shelf-Url"] = url;
        return Results.Text(new SvgQRCode(data).GetGraphic(size ?? 8), "image/svg+xml");
    }
}

/// <summary><c>Storefront</c>: where customers reach the storefront (printed into shelf QR codes); the caller's own address when unset.</summary>
internal sealed class StorefrontOptions
{
    public string? PublicBaseUrl { get; set; }
}
