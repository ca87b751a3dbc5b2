using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

internal static class CancelOrder
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/orders/{orderId}/cancel", Handle).RequireAuthorization().WithTags("Orders")
            .WithSummary("Cancel: the customer before preparing starts, the store's staff before completion; reserved stock is released and a paid order refunded");

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Handle(
        string orderId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, OrderWorkflow workflow, CancellationToken ct)
    {
        var order = Guid.TryParse(orderId, out var id)
            ? await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
        var view = order is null ? OrderView.None : await OrderAccess.ViewOf(order, Actor.From(principal), stores, ct);
        if (view == OrderView.None) return OrderingErrors.OrderNotFound.ToProblem();

        var byCustomer = view == OrderView.Customer;
        var result = await workflow.MoveAsync(id, OrderStatus.Cancelled, byCustomer ? "cancelled by customer" : "cancelled by store",
            o => byCustomer && o.Status is OrderStatus.Preparing or OrderStatus.ReadyForPickup or OrderStatus.OutForDelivery ? OrderingErrors.NotCancellable : null, ct);
        return result.IsSuccess
            ? TypedResults.Ok(OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: view != OrderView.Staff))
            : result.Error!.ToProblem();
    }
}
