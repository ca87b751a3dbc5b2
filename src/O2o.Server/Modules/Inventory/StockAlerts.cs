using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

/// <summary>
/// A product whose online availability fell to its alert level at a store. One open alert per store and product:
/// falling again before staff acknowledge it refreshes the open one instead of piling up more.
/// </summary>
internal sealed class StockAlert
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreId { get; init; }
    public Guid ProductId { get; init; }
    public int AvailableWhenRaised { get; set; }
    public int Threshold { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
}

/// <summary>Raises the store's alert when the stock ledger reports a product falling to its alert level.</summary>
internal sealed class OnLowStockReached(O2oDb db, TimeProvider clock) : IEventHandler<LowStockReached>
{
    public async Task HandleAsync(LowStockReached e, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var refreshed = await db.Set<StockAlert>().Where(a => a.StoreId == e.StoreId && a.ProductId == e.ProductId && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AvailableWhenRaised, e.Available).SetProperty(a => a.Threshold, e.Threshold)
                .SetProperty(a => a.RaisedAt, now), ct);
        if (refreshed > 0) return;
        db.Add(new StockAlert { StoreId = e.StoreId, ProductId = e.ProductId, AvailableWhenRaised = e.Available, Threshold = e.Threshold, RaisedAt = now });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The store's alert feed: what staff should restock or move, newest first, until someone acknowledges it.</summary>
internal static class StockAlerts
{
    private const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/stores/{storeId}/stock-alerts").RequireAuthorization(Policies.StoreOperator).WithTags("Store operations");
        alerts.MapGet("/", List).WithSummary("Low-stock alerts of the store, newest first; open ones only unless all=true; a page at a time (X-Total-Count)");
        alerts.MapPost("/{alertId}/acknowledge", Acknowledge).WithSummary("Mark an alert as seen (by the caller); it leaves the open list");
    }

    private static async Task<Results<Ok<StockAlertResponse[]>, ProblemHttpResult>> List(
        string storeId, bool? all, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        ICatalog catalog, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, MaxPageSize).Error is { } invalid) return invalid.ToProblem();
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        var query = db.Set<StockAlert>().AsNoTracking().Where(a => a.StoreId == store.Id);
        if (all != true) query = query.Where(a => a.AcknowledgedAt == null);
        var found = await Paging.PageAsync(query.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id), page, pageSize, http, ct);
        return TypedResults.Ok(await ToResponsesAsync(db, catalog, store.Id, found, http.PrefersEnglish(), ct));
    }

    private static async Task<Results<Ok<StockAlertResponse>, ProblemHttpResult>> Acknowledge(
        string storeId, string alertId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, ICatalog catalog,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var store = await stores.FindOperableAsync(storeId, actor, ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        if (!Guid.TryParse(alertId, out var id)) return InventoryErrors.AlertNotFound.ToProblem();
        var now = clock.GetUtcNow();
        // Acknowledging twice keeps the first acknowledgement.
        await db.Set<StockAlert>().Where(a => a.Id == id && a.StoreId == store.Id && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, actor.UserId), ct);
        var alert = await db.Set<StockAlert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.StoreId == store.Id, ct);
        if (alert is null) return InventoryErrors.AlertNotFound.ToProblem();
        return TypedResults.Ok((await ToResponsesAsync(db, catalog, store.Id, [alert], http.PrefersEnglish(), ct))[0]);
    }

    private static async Task<StockAlertResponse[]> ToResponsesAsync(O2oDb db, ICatalog catalog, Guid storeId, List<StockAlert> alerts, bool english, CancellationToken ct)
    {
        var productIds = alerts.Select(a => a.ProductId).Distinct().ToList();
        var products = await catalog.GetAsync(productIds, ct);
        var levels = await db.Set<StockLevel>().AsNoTracking().Where(s => s.StoreId == storeId && productIds.Contains(s.ProductId))
            .ToDictionaryAsync(s => s.ProductId, ct);
        return alerts.Select(a =>
        {
            var p = products.GetValueOrDefault(a.ProductId);
            var name = p is null ? "" : english && p.NameEn is { Length: > 0 } ? p.NameEn : p.NameZh;
            return new StockAlertResponse(a.Id.ToString(), a.ProductId.ToString(), p?.Sku ?? "", name,
                levels.GetValueOrDefault(a.ProductId)?.OnlineAvailable ?? 0, a.AvailableWhenRaised, a.Threshold, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy);
        }).ToArray();
    }
}
