using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

internal static class BuyFlashSale
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/flash-sales/{saleId}/orders", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("flash-sales.order")
            .WithTags("Flash sales").WithSummary("Buy in a flash sale: an order at the sale price, or 409 sold_out / not_started / ended / limit_exceeded");

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Handle(
        string saleId, FlashSaleOrderRequest request, ClaimsPrincipal principal, HttpContext http, FlashSaleDefinitions definitions, IFlashSaleGate gate,
        IOptions<PromotionsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // Most of a stampede ends at the gate: only what the gate needs is resolved up front, the database and ordering after it.
        var v = new Validation().Quantity("quantity", request.Quantity);
        FulfillmentRules.Validate(request.Fulfillment, v);
        if (v.Error is not null) return v.Error.ToProblem();
        var sale = Guid.TryParse(saleId, out var id) ? await definitions.FindAsync(id, ct) : null;
        if (sale is null) return PromotionsErrors.SaleNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (now < sale.StartsAt) return PromotionsErrors.NotStarted.ToProblem();
        if (now >= sale.EndsAt) return PromotionsErrors.Ended.ToProblem();
        var quantity = request.Quantity!.Value;
        if (quantity > sale.PerCustomerLimit) return PromotionsErrors.LimitExceeded.ToProblem();
        if (!Guid.TryParse(request.Fulfillment!.StoreId, out var storeId) || !sale.SellsAt(storeId)) return PromotionsErrors.StoreNotInSale.ToProblem();
        var customer = Actor.From(principal).UserId;
        switch (await gate.TryTakeAsync(sale, customer, quantity, ct))
        {
            case GateAnswer.SoldOut: return PromotionsErrors.SoldOut.ToProblem();
            case GateAnswer.LimitExceeded: return PromotionsErrors.LimitExceeded.ToProblem();
        }

        var db = http.RequestServices.GetRequiredService<O2oDb>();
        var ordering = http.RequestServices.GetRequiredService<IOrdering>();
        Result<OrderResponse> result;
        try
        {
            await EnsureBuyerAsync(db, sale.Id, customer, ct);
            result = await db.InTransactionAsync(async () =>
            {
                var withinLimit = await db.Set<FlashSaleBuyer>()
                    .Where(b => b.SaleId == sale.Id && b.CustomerId == customer && b.Quantity + quantity <= sale.PerCustomerLimit)
                    .ExecuteUpdateAsync(u => u.SetProperty(b => b.Quantity, b => b.Quantity + quantity), ct);
                if (withinLimit == 0) return PromotionsErrors.LimitExceeded;
                var taken = await db.Set<FlashSale>().Where(s => s.Id == sale.Id && s.Remaining >= quantity)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Remaining, s => s.Remaining - quantity), ct);
                if (taken == 0) return PromotionsErrors.SoldOut;

                var placed = await ordering.PlaceAsync(new PlacementRequest(customer, request.Fulfillment,
                    [new PlacementLine(sale.ProductId, quantity, sale.PriceFen)], options.Value.PaymentTimeout, $"flash_sale:{sale.Id}"), http.PrefersEnglish(), ct);
                if (!placed.IsSuccess) return placed;
                db.Add(new FlashSaleOrder { OrderId = Guid.Parse(placed.Value.Id), SaleId = sale.Id, CustomerId = customer, Quantity = quantity });
                await db.SaveChangesAsync(ct);
                return placed;
            }, r => r.IsSuccess, ct);
        }
        catch
        {
            await gate.GiveBackAsync(sale.Id, customer, quantity);
            throw;
        }

        if (result.IsSuccess) return TypedResults.Created($"/api/orders/{result.Value.Id}", result.Value);
        await gate.GiveBackAsync(sale.Id, customer, quantity);
        if (result.Error == PromotionsErrors.SoldOut) await gate.MarkSoldOutAsync(sale.Id);
        return result.Error!.ToProblem();
    }

    /// <summary>
    /// A customer's first attempt creates their row, so the limit is then one conditional update. Concurrent first
    /// attempts of one customer are usual in a stampede, so a row that already exists is no error (same SQL on both databases).
    /// </summary>
    private static Task<int> EnsureBuyerAsync(O2oDb db, Guid saleId, string customer, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO promotions_flash_sale_buyers (sale_id, customer_id, quantity) VALUES ({saleId}, {customer}, 0) ON CONFLICT DO NOTHING", ct);
}

/// <summary>
/// A sale's terms (product, stores, price, limit, window) never change once announced, so each node keeps them
/// for a few seconds: the stampede's sold-out answers then need neither a database read nor a write.
/// </summary>
internal sealed class FlashSaleDefinitions(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(10);

    public async Task<FlashSale?> FindAsync(Guid saleId, CancellationToken ct)
    {
        if (cache.TryGetValue(("flash-sale", saleId), out FlashSale? sale)) return sale;
        using var scope = scopes.CreateScope();
        sale = await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<FlashSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is not null) cache.Set(("flash-sale", saleId), sale, KeepFor);
        return sale;
    }
}

/// <summary>Units of an order that was cancelled or expired go back to its sale, once.</summary>
internal sealed class OnFlashSaleOrderCancelled(O2oDb db, IFlashSaleGate gate) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        if (e.Source is null || !e.Source.StartsWith("flash_sale:", StringComparison.Ordinal)) return;
        var link = await db.Set<FlashSaleOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.OrderId == e.OrderId, ct);
        if (link is null) return;
        var claimed = await db.Set<FlashSaleOrder>().Where(o => o.OrderId == e.OrderId && !o.Returned)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Returned, true), ct);
        if (claimed == 0) return;
        await db.Set<FlashSale>().Where(s => s.Id == link.SaleId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Remaining, s => s.Remaining + link.Quantity), ct);
        await db.Set<FlashSaleBuyer>().Where(b => b.SaleId == link.SaleId && b.CustomerId == link.CustomerId)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Quantity, b => b.Quantity - link.Quantity), ct);
        await gate.GiveBackAsync(link.SaleId, link.CustomerId, link.Quantity);
    }
}
