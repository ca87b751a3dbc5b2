using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Counter;

/// <summary>Selling and taking back at the counter (POS), against the store's one stock.</summary>
internal static class CounterEndpoints
{
    public const int MaxLines = 100;

    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}").RequireAuthorization(Policies.StoreOperator).WithTags("Store operations");
        store.MapPost("/counter-sales", Sell).WithIdempotency("counter.sale").WithSummary("Sell at the counter from the stock online orders also use; every line or nothing");
        store.MapGet("/counter-sales/{saleId}", Get).WithSummary("One counter sale with what was returned of it");
        store.MapPost("/counter-returns", Return).WithIdempotency("counter.return").WithSummary("Take back units of a counter sale; never more than was sold");
    }

    private static async Task<Results<Created<CounterSaleResponse>, ProblemHttpResult>> Sell(
        string storeId, CounterSaleRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db,
        IStores stores, ICatalog catalog, IInventory inventory, IPromotions promotions, IAccounts accounts, EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return CounterErrors.StoreNotFound.ToProblem();
        var lines = ValidLines(request.Lines, out var invalid);
        if (invalid is not null) return invalid.ToProblem();
        string? member = null;
        if (request.MemberPhone is { } phone)
        {
            if (new Validation().Phone("memberPhone", phone.Trim(), required: true).Error is { } badPhone) return badPhone.ToProblem();
            member = await accounts.CustomerByPhoneAsync(phone.Trim(), ct);
            if (member is null) return CounterErrors.MemberNotFound.ToProblem();
        }

        var products = await catalog.GetAsync(lines.Select(l => l.ProductId).ToList(), ct);
        if (lines.Any(l => !products.TryGetValue(l.ProductId, out var p) || !p.IsActive || p.MerchantId != store.MerchantId))
            return CounterErrors.ProductNotFound.ToProblem();

        // The same engine as online orders, on the counter channel: a walk-in customer is anonymous; a member gets their tier's prices.
        // Coupons stay online either way: nobody at a till should spend a customer's coupon without asking.
        var priced = await promotions.PriceAsync(new PriceRequest(member, store.MerchantId, store.Id, SalesChannel.Counter,
            [.. lines.Select(l => new PriceLine(l.ProductId, products[l.ProductId].Category, products[l.ProductId].PriceFen, l.Quantity))], 0,
            member is null ? null : []), ct);
        if (!priced.IsSuccess) return priced.Error!.ToProblem();
        var quote = priced.Value;
        var result = await db.InTransactionAsync(async () =>
        {
            var sale = new CounterSale
            {
                StoreId = store.Id, StaffId = Actor.From(principal).UserId, CustomerId = member, CreatedAt = clock.GetUtcNow(),
                SubtotalFen = quote.SubtotalFen, DiscountFen = quote.DiscountFen, TotalFen = quote.TotalFen,
            };
            sale.Lines.AddRange(lines.Select((l, i) => new CounterSaleLine
            {
                SaleId = sale.Id, ProductId = l.ProductId, Sku = products[l.ProductId].Sku, NameZh = products[l.ProductId].NameZh,
                NameEn = products[l.ProductId].NameEn, UnitPriceFen = products[l.ProductId].PriceFen, Quantity = l.Quantity, DiscountFen = quote.Lines[i].DiscountFen,
            }));
            var shortages = await inventory.SellAsync(store.Id, lines, $"counter-sale:{sale.Id}", ct);
            if (shortages.Count > 0) return Shortages.ToError(shortages, id => products[id].NameZh);
            if (await promotions.ReserveAsync(sale.Id, member, quote, ct) is { } refused) return refused;
            db.Add(sale);
            if (member is not null) events.Publish(new MemberCounterSale(sale.Id, member, store.Id, sale.TotalFen, sale.CreatedAt));
            await db.SaveChangesAsync(ct);
            return (Result<CounterSale>)sale;
        }, r => r.IsSuccess, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/stores/{store.Id}/counter-sales/{result.Value.Id}", ToResponse(result.Value, http.PrefersEnglish(), quote))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<CounterSaleResponse>, ProblemHttpResult>> Get(
        string storeId, string saleId, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return CounterErrors.StoreNotFound.ToProblem();
        var sale = Guid.TryParse(saleId, out var id) ? await db.Set<CounterSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.StoreId == store.Id, ct) : null;
        return sale is null ? CounterErrors.SaleNotFound.ToProblem() : TypedResults.Ok(ToResponse(sale, http.PrefersEnglish()));
    }

    private static async Task<Results<Created<CounterReturnResponse>, ProblemHttpResult>> Return(
        string storeId, CounterReturnRequest request, ClaimsPrincipal principal, O2oDb db, IStores stores, IInventory inventory, EventBus events, TimeProvider clock,
        CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return CounterErrors.StoreNotFound.ToProblem();
        var v = new Validation().Text("saleId", request.SaleId, 64);
        if (v.Error is not null) return v.Error.ToProblem();
        var lines = ValidLines(request.Lines, out var invalid);
        if (invalid is not null) return invalid.ToProblem();
        var sale = Guid.TryParse(request.SaleId, out var id) ? await db.Set<CounterSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.StoreId == store.Id, ct) : null;
        if (sale is null) return CounterErrors.SaleNotFound.ToProblem();
        if (lines.Any(l => sale.Lines.All(s => s.ProductId != l.ProductId))) return CounterErrors.ProductNotInSale.ToProblem();

        var result = await db.InTransactionAsync(async () =>
        {
            var back = new CounterReturn { SaleId = sale.Id, StoreId = store.Id, StaffId = Actor.From(principal).UserId, CreatedAt = clock.GetUtcNow(),
                RefundFen = lines.Sum(l => Refund(sale.Lines.First(s => s.ProductId == l.ProductId), l.Quantity)) };
            foreach (var line in lines)
            {
                var taken = await db.Set<CounterSaleLine>()
                    .Where(s => s.SaleId == sale.Id && s.ProductId == line.ProductId && s.ReturnedQuantity + line.Quantity <= s.Quantity)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReturnedQuantity, s => s.ReturnedQuantity + line.Quantity), ct);
                if (taken == 0) return CounterErrors.ReturnExceedsSale;
                back.Lines.Add(new CounterReturnLine { ReturnId = back.Id, ProductId = line.ProductId, Quantity = line.Quantity,
                    RefundFen = Refund(sale.Lines.First(s => s.ProductId == line.ProductId), line.Quantity) });
            }
            await inventory.ReturnAsync(store.Id, lines, $"counter-return:{back.Id}", ct);
            db.Add(back);
            if (sale.CustomerId is { } customer) events.Publish(new MemberCounterReturn(back.Id, sale.Id, customer, back.RefundFen, sale.TotalFen, back.CreatedAt));
            await db.SaveChangesAsync(ct);
            return (Result<CounterReturn>)back;
        }, r => r.IsSuccess, ct);
        if (!result.IsSuccess) return result.Error!.ToProblem();
        var r = result.Value;
        return TypedResults.Created($"/api/stores/{store.Id}/counter-sales/{sale.Id}", new CounterReturnResponse(r.Id.ToString(), sale.Id.ToString(), store.Id.ToString(),
            r.Lines.Select(l => new CounterReturnLineResponse(l.ProductId.ToString(), l.Quantity, l.RefundFen)).ToArray(), r.RefundFen, r.CreatedAt));
    }

    private static List<StockLine> ValidLines(CounterLineRequest[]? lines, out Error? error)
    {
        error = new Validation().Lines("lines", lines, MaxLines, l => l.ProductId, l => l.Quantity).Error;
        if (error is not null) return [];
        var merged = StockLine.Merge(lines!, l => l.ProductId, l => l.Quantity);
        error = merged.Error;
        return merged.IsSuccess ? merged.Value : [];
    }

    /// <summary>What was paid for <paramref name="quantity"/> units of the line (its discount shared per unit), rounded down to the fen.</summary>
    private static long Refund(CounterSaleLine line, int quantity) => (line.UnitPriceFen * line.Quantity - line.DiscountFen) * quantity / line.Quantity;

    /// <summary>The breakdown per promotion comes with the sale as made (<paramref name="quote"/>); later reads show each line's discount.</summary>
    private static CounterSaleResponse ToResponse(CounterSale s, bool english, Quote? quote = null) => new(
        s.Id.ToString(), s.StoreId.ToString(),
        s.Lines.OrderBy(l => l.Sku).Select(l => new CounterSaleLineResponse(l.ProductId.ToString(), l.Sku, english && l.NameEn is { Length: > 0 } ? l.NameEn : l.NameZh,
            l.Quantity, l.UnitPriceFen, l.UnitPriceFen * l.Quantity, l.ReturnedQuantity, l.DiscountFen,
            quote?.Lines.First(q => q.ProductId == l.ProductId).Adjustments.Select(a => new PriceAdjustmentResponse(a.PromotionId.ToString(), a.CouponId?.ToString(),
                english ? a.NameEn : a.NameZh, a.Kind, a.AmountFen)).ToArray())).ToArray(),
        s.TotalFen, "CNY", s.CreatedAt, s.SubtotalFen == 0 ? s.TotalFen : s.SubtotalFen, s.DiscountFen, s.CustomerId is not null);
}

internal static class CounterErrors
{
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
    public static readonly Error MemberNotFound = Error.NotFound("member_not_found", "No member has this phone number; the member");
    public static readonly Error ProductNotFound = Error.NotFound("product_not_found", "A product of the sale");
    public static readonly Error SaleNotFound = Error.NotFound("sale_not_found", "The counter sale");
    public static readonly Error ProductNotInSale = Error.Unprocessable("product_not_in_sale", "A returned product was not part of that sale.");
    public static readonly Error ReturnExceedsSale = Error.Conflict("return_exceeds_sale", "That is more than was sold and not yet returned.");
}
