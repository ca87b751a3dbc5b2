using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

internal static class FlashSaleEndpoints
{
    public const int MaxUnits = 1_000_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/admin/flash-sales", Create).RequireAuthorization(Policies.Admin).WithTags("Flash sales").WithSummary("Announce a flash sale (限时抢购)");
        api.MapGet("/flash-sales/{saleId}", Get).RequireAuthorization().WithTags("Flash sales").WithSummary("A flash sale with the units still to be had");
        BuyFlashSale.Map(api);
    }

    private static async Task<Results<Created<FlashSaleResponse>, ProblemHttpResult>> Create(
        CreateFlashSaleRequest request, ClaimsPrincipal principal, O2oDb db, ICatalog catalog, IStores stores, IInventory inventory,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validation().Text("productId", request.ProductId, 64)
            .Range("priceFen", request.PriceFen, 0, CatalogLimits.MaxPriceFen)
            .Range("quantity", request.Quantity, 1, MaxUnits)
            .Range("perCustomerLimit", request.PerCustomerLimit, 1, Validation.MaxQuantity);
        if (request.StartsAt is null) v.Add("startsAt", "Required.");
        if (request.EndsAt is null) v.Add("endsAt", "Required.");
        else if (request.StartsAt is not null && request.EndsAt <= request.StartsAt) v.Add("endsAt", "Must be after startsAt.");
        else if (request.EndsAt <= now) v.Add("endsAt", "Must be in the future.");
        if (request.StoreIds is { Length: > 500 }) v.Add("storeIds", "At most 500 stores; leave it empty for every store.");
        if (v.Error is not null) return v.Error.ToProblem();

        var actor = Actor.From(principal);
        var product = Guid.TryParse(request.ProductId, out var pid) ? (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) : null;
        if (product is null || !product.IsActive || (!actor.IsPlatformAdmin && product.MerchantId != actor.MerchantId))
            return PromotionsErrors.ProductNotFound.ToProblem();
        var storeIds = new List<Guid>();
        foreach (var raw in (request.StoreIds ?? []).Distinct())
        {
            var store = Guid.TryParse(raw, out var sid) ? await stores.FindAsync(sid, ct) : null;
            if (store is null || !actor.CanOperate(store) || store.MerchantId != product.MerchantId) return PromotionsErrors.StoreNotFound.ToProblem();
            storeIds.Add(store.Id);
        }

        // Selling more than the stores hold would end in insufficient_stock for buyers who were promised a unit.
        var stock = await inventory.TotalAvailableAsync(product.Id, storeIds, ct);
        if (request.Quantity > stock)
            return (Error.Unprocessable("quantity_above_stock", $"The sale offers {request.Quantity} units but its stores can promise {stock}.")
                with { DetailZh = $"抢购数量 {request.Quantity} 超过参与门店的可售库存 {stock}。" }).ToProblem();

        var sale = new FlashSale
        {
            MerchantId = product.MerchantId, ProductId = product.Id, StoreIds = storeIds, PriceFen = request.PriceFen!.Value, RegularPriceFen = product.PriceFen,
            Quantity = request.Quantity!.Value, Remaining = request.Quantity.Value, PerCustomerLimit = request.PerCustomerLimit!.Value,
            StartsAt = request.StartsAt!.Value.ToUniversalTime(), EndsAt = request.EndsAt!.Value.ToUniversalTime(), CreatedAt = now,
        };
        db.Add(sale);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/flash-sales/{sale.Id}", ToResponse(sale, now));
    }

    private static async Task<Results<Ok<FlashSaleResponse>, ProblemHttpResult>> Get(string saleId, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var sale = Guid.TryParse(saleId, out var id) ? await db.Set<FlashSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        return sale is null ? PromotionsErrors.SaleNotFound.ToProblem() : TypedResults.Ok(ToResponse(sale, clock.GetUtcNow()));
    }

    internal static FlashSaleResponse ToResponse(FlashSale s, DateTimeOffset now) => new(
        s.Id.ToString(), s.ProductId.ToString(), s.StoreIds.Select(i => i.ToString()).ToArray(), s.PriceFen, s.RegularPriceFen,
        s.Quantity, s.Remaining, s.PerCustomerLimit, s.StartsAt, s.EndsAt, s.StatusAt(now));
}

internal static class PromotionsErrors
{
    public static readonly Error SaleNotFound = Error.NotFound("flash_sale_not_found", "The flash sale");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "The product");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "A store");
    public static readonly Error NotStarted = Error.Conflict("not_started", "The flash sale has not started yet.");
    public static readonly Error Ended = Error.Conflict("ended", "The flash sale is over.");
    public static readonly Error SoldOut = Error.Conflict("sold_out", "Sold out: every unit of the flash sale is taken.");
    public static readonly Error LimitExceeded = Error.Conflict("limit_exceeded", "That is more than one customer may buy in this flash sale.");
    public static readonly Error StoreNotInSale = Error.Unprocessable("store_not_in_sale", "This store does not take part in the flash sale.");
}
