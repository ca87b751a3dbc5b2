using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>Merchants set how a service product is booked; customers see the services on offer.</summary>
internal static class ServiceTermsEndpoints
{
    public const int MaxDuration = 12 * 60, MaxCapacity = 10_000, MaxStores = 200, MaxLeadMinutes = 7 * 24 * 60, MaxDaysAhead = 365, MaxPolicyHours = 30 * 24;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/products/{productId}/service-terms", Put).RequireAuthorization(Policies.Admin).WithTags("Bookings")
            .WithSummary("Set how a service product is booked: slot length, places per slot, stores, deposit, booking window, cancel and reschedule policy");
        api.MapGet("/services", List).AllowAnonymous().WithTags("Bookings")
            .WithSummary("Bookable services, optionally only those at one store");
    }

    private static async Task<IResult> Put(string productId, ServiceTermsRequest request, ClaimsPrincipal principal, O2oDb db, ICatalog catalog, IStores stores,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("durationMinutes", request.DurationMinutes, 5, MaxDuration).Range("capacity", request.Capacity, 1, MaxCapacity)
            .Range("depositFen", request.DepositFen, 0, CatalogLimits.MaxPriceFen, required: false)
            .Range("leadMinutes", request.LeadMinutes, 0, MaxLeadMinutes, required: false).Range("maxDaysAhead", request.MaxDaysAhead, 1, MaxDaysAhead, required: false)
            .Range("freeCancelHours", request.FreeCancelHours, 0, MaxPolicyHours, required: false)
            .Range("lateCancelRefundPercent", request.LateCancelRefundPercent, 0, 100, required: false)
            .Range("rescheduleHours", request.RescheduleHours, 0, MaxPolicyHours, required: false);
        if (request.StoreIds is not { Length: > 0 and <= MaxStores }) v.Add("storeIds", $"Between 1 and {MaxStores} store ids.");
        var storeIds = (request.StoreIds ?? []).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Distinct().ToList();
        if (storeIds.Contains(Guid.Empty)) v.Add("storeIds", "Every entry must be a store id.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var actor = Actor.From(principal);
        var product = Guid.TryParse(productId, out var id) ? (await catalog.GetAsync([id], ct)).GetValueOrDefault(id) : null;
        if (product is null || !(actor.IsPlatformAdmin || actor.MerchantId == product.MerchantId)) return BookingsErrors.ProductNotFound.ToProblem();
        if (product.Kind != ProductKinds.Service) return BookingsErrors.NotAServiceProduct.ToProblem();
        foreach (var storeId in storeIds)
            if (await stores.FindAsync(storeId, ct) is not { } store || store.MerchantId != product.MerchantId)
                return (BookingsErrors.StoreNotFound with { Extensions = new Dictionary<string, object?> { ["storeId"] = storeId.ToString() } }).ToProblem();

        var terms = await db.Set<ServiceTerms>().FirstOrDefaultAsync(t => t.ProductId == id, ct);
        if (terms is null) db.Add(terms = new ServiceTerms { ProductId = id, MerchantId = product.MerchantId });
        terms.DurationMinutes = request.DurationMinutes!.Value;
        terms.Capacity = request.Capacity!.Value;
        terms.StoreIds = storeIds;
        terms.DepositFen = request.DepositFen;
        terms.LeadMinutes = request.LeadMinutes ?? 0;
        terms.MaxDaysAhead = request.MaxDaysAhead ?? 30;
        terms.FreeCancelHours = request.FreeCancelHours ?? 24;
        terms.LateCancelRefundPercent = request.LateCancelRefundPercent ?? 0;
        terms.RescheduleHours = request.RescheduleHours ?? terms.FreeCancelHours;
        terms.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Results.Ok(new ServiceTermsResponse(terms.ProductId.ToString(), terms.DurationMinutes, terms.Capacity, [.. terms.StoreIds.Select(g => g.ToString())],
            terms.DepositFen, terms.LeadMinutes, terms.MaxDaysAhead, terms.FreeCancelHours, terms.LateCancelRefundPercent, terms.RescheduleHours));
    }

    private static async Task<IResult> List(string? storeId, HttpContext http, O2oDb db, ICatalog catalog, CancellationToken ct)
    {
        Guid? store = null;
        if (storeId is not null)
        {
            if (!Guid.TryParse(storeId, out var s)) return Error.Validation("storeId", "Must be a store id.").ToProblem();
            store = s;
        }
        var terms = (await db.Set<ServiceTerms>().AsNoTracking().ToListAsync(ct)).Where(t => store is null || t.StoreIds.Contains(store.Value)).ToList();
        var products = await catalog.GetAsync(terms.Select(t => t.ProductId).ToList(), ct);
        var english = http.PrefersEnglish();
        return Results.Ok(terms.Where(t => products.TryGetValue(t.ProductId, out var p) && p.IsActive)
            .Select(t => (Terms: t, Info: products[t.ProductId]))
            .OrderBy(x => x.Info.PriceFen).ThenBy(x => x.Info.Id)
            .Select(x => new ServiceOffer(x.Info.Id.ToString(), x.Info.DisplayName(english), x.Info.NameZh, x.Info.NameEn, x.Info.PriceFen,
                x.Terms.ChargeFor(x.Info.PriceFen), x.Terms.DurationMinutes, x.Terms.Capacity, [.. x.Terms.StoreIds.Select(g => g.ToString())],
                x.Terms.LeadMinutes, x.Terms.MaxDaysAhead, x.Terms.FreeCancelHours, x.Terms.LateCancelRefundPercent, x.Terms.RescheduleHours))
            .ToList());
    }
}
