using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

internal static class PlaceOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/orders", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("orders.create")
            .WithTags("Cart and checkout").WithSummary("Check out the given lines (or the whole cart) for pickup or delivery; reserves every line or nothing");

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Handle(
        PlaceOrderRequest request, ClaimsPrincipal principal, HttpContext http, OrderPlacement placement, CancellationToken ct)
    {
        var v = Validate(request);
        if (v.Error is not null) return v.Error.ToProblem();
        var lines = request.Lines is null || request.Lines.Length == 0
            ? null
            : request.Lines.Select(l => new PlacementLine(Guid.TryParse(l.ProductId, out var id) ? id : Guid.Empty, l.Quantity!.Value)).ToList();
        var result = await placement.PlaceAsync(new PlacementRequest(Actor.From(principal).UserId, request.Fulfillment!, lines,
            CouponIds: CheckoutPricing.CouponIds(request.CouponIds), Points: request.Points ?? 0), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/orders/{result.Value.Id}", OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: true))
            : result.Error!.ToProblem();
    }

    private static Validation Validate(PlaceOrderRequest request)
    {
        var v = new Validation();
        FulfillmentRules.Validate(request.Fulfillment, v);
        v.Lines("lines", request.Lines, OrderPlacement.MaxLines, l => l.ProductId, l => l.Quantity, required: false);
        if (request.CouponIds is { Length: > 10 }) v.Add("couponIds", "At most 10 coupons.");
        v.Range("points", request.Points, 0, CheckoutPricing.MaxPoints, required: false);
        return v;
    }
}
