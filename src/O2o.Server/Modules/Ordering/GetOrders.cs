using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

internal static class GetOrders
{
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/orders/{orderId}", GetOne).RequireAuthorization().WithTags("Orders")
            .WithSummary("One order: to its customer, its store's staff and admins");
        api.MapGet("/orders", ListMine).RequireAuthorization(Policies.Customer).WithTags("Orders")
            .WithSummary("The caller's orders, newest first, a page at a time (page, pageSize; X-Total-Count)");
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOne(
        string orderId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        var order = Guid.TryParse(orderId, out var id) ? await db.Set<Order>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (order is null) return OrderingErrors.OrderNotFound.ToProblem();
        var view = await OrderAccess.ViewOf(order, Actor.From(principal), stores, ct);
        return view switch
        {
            OrderView.Customer or OrderView.Admin => TypedResults.Ok(OrderViews.ToResponse(order, http.PrefersEnglish(), showPickupCode: true)),
            OrderView.Staff => TypedResults.Ok(OrderViews.ToResponse(order, http.PrefersEnglish(), showPickupCode: false)),
            _ => OrderingErrors.OrderNotFound.ToProblem(),
        };
    }

    private static async Task<Results<Ok<OrderResponse[]>, ProblemHttpResult>> ListMine(
        string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        if (OrderPaging.Invalid(status, page, pageSize) is { } invalid) return invalid.ToProblem();
        var customer = Actor.From(principal).UserId;
        var query = db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customer);
        if (status is not null) query = query.Where(o => o.Status == status);
        var orders = await OrderPaging.PageAsync(query, page, pageSize, http, ct);
        return TypedResults.Ok(orders.Select(o => OrderViews.ToResponse(o, http.PrefersEnglish(), showPickupCode: true)).ToArray());
    }
}

internal enum OrderView { None, Customer, Staff, Admin }

/// <summary>Order lists come newest first, a page at a time (default 50); the total is in <c>X-Total-Count</c>.</summary>
internal static class OrderPaging
{
    public static Error? Invalid(string? status, int? page, int? pageSize)
    {
        var v = new Validation().Page(page, pageSize, GetOrders.MaxPageSize);
        if (status is not null && !OrderStatus.All.Contains(status)) v.Add("status", $"Must be one of {string.Join(", ", OrderStatus.All)}.");
        return v.Error;
    }

    public static Task<List<Order>> PageAsync(IQueryable<Order> query, int? page, int? pageSize, HttpContext http, CancellationToken ct) =>
        Paging.PageAsync(query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id), page, pageSize, http, ct);
}

internal static class OrderAccess
{
    /// <summary>The customer and admins see the pickup code; staff see the order but must get the code from the customer.</summary>
    public static async Task<OrderView> ViewOf(Order order, Actor actor, IStores stores, CancellationToken ct)
    {
        if (order.CustomerId == actor.UserId) return OrderView.Customer;
        if (!actor.Is(Roles.StoreStaff) && !actor.IsAdmin) return OrderView.None;
        var store = await stores.FindAsync(order.StoreId, ct);
        if (store is null || !actor.CanOperate(store)) return OrderView.None;
        return actor.IsAdmin ? OrderView.Admin : OrderView.Staff;
    }
}
