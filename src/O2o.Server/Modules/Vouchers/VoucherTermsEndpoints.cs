using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>Merchants set what a voucher product is worth, where and how long; customers see the offers on sale.</summary>
internal static class VoucherTermsEndpoints
{
    public const int MaxUses = 100, MaxValidDays = 3650, MaxStores = 200, MaxPerCustomer = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/products/{productId}/voucher-terms", Put).RequireAuthorization(Policies.Admin).WithTags("Vouchers")
            .WithSummary("Set the terms of a voucher product: uses, face value, stores, validity, sales end, per-customer limit");
        api.MapGet("/voucher-offers", List).AllowAnonymous().WithTags("Vouchers")
            .WithSummary("Voucher products on sale, optionally only those valid at one store");
    }

    private static async Task<IResult> Put(string productId, VoucherTermsRequest request, ClaimsPrincipal principal, O2oDb db, ICatalog catalog, IStores stores,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("uses", request.Uses, 1, MaxUses).Range("faceValueFen", request.FaceValueFen, 0, CatalogLimits.MaxPriceFen)
            .Range("validDays", request.ValidDays, 1, MaxValidDays, required: false).Range("perCustomerLimit", request.PerCustomerLimit, 1, MaxPerCustomer, required: false);
        if (request.ValidUntil is null && request.ValidDays is null) v.Add("validUntil", "Give validUntil, validDays or both.");
        if (request.StoreIds is not { Length: > 0 and <= MaxStores }) v.Add("storeIds", $"Between 1 and {MaxStores} store ids.");
        var storeIds = (request.StoreIds ?? []).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Distinct().ToList();
        if (storeIds.Contains(Guid.Empty)) v.Add("storeIds", "Every entry must be a store id.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var actor = Actor.From(principal);
        var product = Guid.TryParse(productId, out var id) ? (await catalog.GetAsync([id], ct)).GetValueOrDefault(id) : null;
        if (product is null || !(actor.IsPlatformAdmin || actor.MerchantId == product.MerchantId)) return VouchersErrors.ProductNotFound.ToProblem();
        if (product.Kind != ProductKinds.Voucher) return VouchersErrors.NotAVoucherProduct.ToProblem();
        foreach (var storeId in storeIds)
            if (await stores.FindAsync(storeId, ct) is not { } store || store.MerchantId != product.MerchantId)
                return (VouchersErrors.StoreNotFound with { Extensions = new Dictionary<string, object?> { ["storeId"] = storeId.ToString() } }).ToProblem();

        var terms = await db.Set<VoucherTerms>().FirstOrDefaultAsync(t => t.ProductId == id, ct);
        if (terms is null) db.Add(terms = new VoucherTerms { ProductId = id, MerchantId = product.MerchantId });
        terms.Uses = request.Uses!.Value;
        terms.FaceValueFen = request.FaceValueFen!.Value;
        terms.StoreIds = storeIds;
        terms.ValidUntil = request.ValidUntil?.ToUniversalTime();
        terms.ValidDays = request.ValidDays;
        terms.SalesEndAt = request.SalesEndAt?.ToUniversalTime();
        terms.PerCustomerLimit = request.PerCustomerLimit;
        terms.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Results.Ok(ToResponse(terms));
    }

    private static async Task<IResult> List(string? storeId, HttpContext http, O2oDb db, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        Guid? store = null;
        if (storeId is not null)
        {
            if (!Guid.TryParse(storeId, out var s)) return Error.Validation("storeId", "Must be a store id.").ToProblem();
            store = s;
        }
        var now = clock.GetUtcNow();
        var terms = (await db.Set<VoucherTerms>().AsNoTracking().ToListAsync(ct))
            .Where(t => t.OnSaleAt(now) && (store is null || t.StoreIds.Contains(store.Value))).ToList();
        var products = await catalog.GetAsync(terms.Select(t => t.ProductId).ToList(), ct);
        var english = http.PrefersEnglish();
        return Results.Ok(terms.Where(t => products.TryGetValue(t.ProductId, out var p) && p.IsActive)
            .Select(t => (Terms: t, Info: products[t.ProductId]))
            .OrderBy(x => x.Info.PriceFen).ThenBy(x => x.Info.Id)
            .Select(x => new VoucherOffer(x.Info.Id.ToString(), x.Info.DisplayName(english), x.Info.NameZh, x.Info.NameEn, x.Info.PriceFen,
                x.Terms.FaceValueFen, x.Terms.Uses, x.Terms.StoreIds.Select(g => g.ToString()).ToArray(), x.Terms.ValidUntil, x.Terms.ValidDays,
                x.Terms.SalesEndAt, x.Terms.PerCustomerLimit))
            .ToList());
    }

    public static VoucherTermsResponse ToResponse(VoucherTerms t) => new(t.ProductId.ToString(), t.Uses, t.FaceValueFen,
        t.StoreIds.Select(g => g.ToString()).ToArray(), t.ValidUntil, t.ValidDays, t.SalesEndAt, t.PerCustomerLimit);
}
