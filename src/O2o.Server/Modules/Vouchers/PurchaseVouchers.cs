using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>
/// Buying vouchers is an order like any other (same payment, refunds and money ledger), with nothing to hand over:
/// once paid it is complete and the codes are issued. The store named is where the order is settled; it must be one
/// where the voucher can be used.
/// </summary>
internal static class PurchaseVouchers
{
    public const int MaxQuantity = 20;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/vouchers/purchases", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("vouchers.purchase").WithTags("Vouchers")
            .WithSummary("Buy vouchers: an order waiting for payment; pay it like any order and the codes are issued");

    private static async Task<IResult> Handle(PurchaseVouchersRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IOrdering ordering,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Id("productId", request.ProductId, out var productId).Range("quantity", request.Quantity, 1, MaxQuantity)
            .Id("storeId", request.StoreId, out var storeId);
        if (v.Error is { } invalid) return invalid.ToProblem();

        var customer = Actor.From(principal).UserId;
        var terms = await db.Set<VoucherTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.ProductId == productId, ct);
        if (terms is null) return VouchersErrors.OfferNotFound.ToProblem();
        if (!terms.OnSaleAt(clock.GetUtcNow())) return VouchersErrors.NotOnSale.ToProblem();
        if (!terms.StoreIds.Contains(storeId)) return VouchersErrors.NotValidAtStore.ToProblem();
        if (terms.PerCustomerLimit is { } limit)
        {
            // Issued vouchers count, refunded ones too: the limit is on what a customer may buy, not hold.
            var held = await db.Set<Voucher>().CountAsync(x => x.CustomerId == customer && x.ProductId == productId, ct);
            if (held + request.Quantity > limit)
                return (VouchersErrors.LimitExceeded with { Extensions = new Dictionary<string, object?> { ["limit"] = limit, ["held"] = held } }).ToProblem();
        }

        var placed = await ordering.PlaceAsync(new PlacementRequest(customer, new FulfillmentDto(VoucherFulfillment.Type, storeId.ToString(), null),
            [new PlacementLine(productId, request.Quantity!.Value)], Source: "vouchers"), http.PrefersEnglish(), ct);
        return placed.IsSuccess ? Results.Created($"/api/orders/{placed.Value.Id}", placed.Value) : placed.Error!.ToProblem();
    }
}
