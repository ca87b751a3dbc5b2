using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>The store's side of the order flow; staff of another store get 404 for all of it.</summary>
internal static class StoreOrders
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}").RequireAuthorization(Policies.StoreOperator).WithTags("Store operations");
        store.MapGet("/orders", List).WithSummary("The store's orders, newest first, a page at a time (page, pageSize; X-Total-Count)");
        store.MapPost("/orders/{orderId}/accept", (string storeId, string orderId, ClaimsPrincipal p, HttpContext h, O2oDb db, IStores s, OrderWorkflow w, EventBus e, CancellationToken ct)
            => Move(storeId, orderId, OrderStatus.Preparing, p, h, db, s, w, e, ct)).WithSummary("paid → preparing");
        store.MapPost("/orders/{orderId}/ready", (string storeId, string orderId, ClaimsPrincipal p, HttpContext h, O2oDb db, IStores s, OrderWorkflow w, EventBus e, CancellationToken ct)
            => Move(storeId, orderId, OrderStatus.ReadyForPickup, p, h, db, s, w, e, ct)).WithSummary("preparing → ready_for_pickup");
        store.MapPost("/orders/{orderId}/dispatch", (string storeId, string orderId, ClaimsPrincipal p, HttpContext h, O2oDb db, IStores s, OrderWorkflow w, EventBus e, CancellationToken ct)
            => Move(storeId, orderId, OrderStatus.OutForDelivery, p, h, db, s, w, e, ct)).WithSummary("preparing → out_for_delivery");
        store.MapPost("/orders/{orderId}/delivered", (string storeId, string orderId, ClaimsPrincipal p, HttpContext h, O2oDb db, IStores s, OrderWorkflow w, EventBus e, CancellationToken ct)
            => Move(storeId, orderId, OrderStatus.Completed, p, h, db, s, w, e, ct, deliveryOnly: true)).WithSummary("out_for_delivery → completed");
    }

    private static async Task<Results<Ok<OrderResponse[]>, ProblemHttpResult>> List(
        string storeId, string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (OrderPaging.Invalid(status, page, pageSize) is { } invalid) return invalid.ToProblem();
        var query = db.Set<Order>().AsNoTracking().Where(o => o.StoreId == store.Id);
        if (status is not null) query = query.Where(o => o.Status == status);
        var orders = await OrderPaging.PageAsync(query, page, pageSize, http, ct);
        var admin = Actor.From(principal).IsAdmin;
        return TypedResults.Ok(orders.Select(o => OrderViews.ToResponse(o, http.PrefersEnglish(), showPickupCode: admin)).ToArray());
    }

    /// <summary>Staff taking a delivery out or completing it deliver it themselves: the rider dispatch stops (the event commits only with the move).</summary>
    private static Error? StoreDelivers(Order order, string target, EventBus events)
    {
        if (order.FulfillmentType == FulfillmentType.Delivery && target is OrderStatus.OutForDelivery or OrderStatus.Completed)
            events.Publish(new DeliveryHandledByStore(order.Id, target));
        return null;
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Move(
        string storeId, string orderId, string target, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        OrderWorkflow workflow, EventBus events, CancellationToken ct, bool deliveryOnly = false)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (!Guid.TryParse(orderId, out var id)) return OrderingErrors.OrderNotFound.ToProblem();
        var result = await workflow.MoveAsync(id, target, null, order =>
            order.StoreId != store.Id ? OrderingErrors.OrderNotFound
            // Group-buy orders move with their campaign's delivery (the GroupBuying module), not one by one.
            : order.FulfillmentType == FulfillmentType.GroupBuy ? OrderingErrors.InvalidStatus(order.Status, target)
            : deliveryOnly && order.FulfillmentType != FulfillmentType.Delivery ? OrderingErrors.InvalidStatus(order.Status, "delivered")
            : StoreDelivers(order, target, events), ct);
        return result.IsSuccess
            ? TypedResults.Ok(OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: Actor.From(principal).IsAdmin))
            : result.Error!.ToProblem();
    }
}
