using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Cart;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Delivery;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>
/// POST /api/cart/price: what checkout would charge for the cart (or the given lines) at a store, with every promotion and coupon
/// explained per line, before any order. Writes nothing; checkout prices again, so a promotion that ends meanwhile is not charged.
/// </summary>
internal static class PriceCart
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cart/price", Handle).RequireAuthorization(Policies.Customer).WithTags("Cart and checkout")
            .WithSummary("Price the cart (or the given lines) for pickup or delivery: promotions, coupons and the delivery fee, per line, as checkout will");

    private static async Task<Results<Ok<CartPriceResponse>, ProblemHttpResult>> Handle(PriceCartRequest request, ClaimsPrincipal principal, HttpContext http,
        IStores stores, ICatalog catalog, ICart cart, IPromotions promotions, ILoyalty loyalty, IDeliveryQuotes delivery, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        FulfillmentRules.Validate(request.Fulfillment, v, positionOnly: true);
        v.Lines("lines", request.Lines, OrderPlacement.MaxLines, l => l.ProductId, l => l.Quantity, required: false);
        if (request.CouponIds is { Length: > 10 }) v.Add("couponIds", "At most 10 coupons.");
        v.Range("points", request.Points, 0, CheckoutPricing.MaxPoints, required: false);
        if (v.Error is not null) return v.Error.ToProblem();

        var f = request.Fulfillment!;
        var store = Guid.TryParse(f.StoreId, out var storeId) ? await stores.FindAsync(storeId, ct) : null;
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (!store.Offers(f.Type!)) return OrderingErrors.FulfillmentNotOffered.ToProblem();
        long fee = 0;
        if (f.Type == FulfillmentType.Delivery)
        {
            var quote = await delivery.QuoteAsync(store, f.Address!.Lat!.Value, f.Address.Lng!.Value, f.Speed ?? DeliverySpeeds.Express, clock.GetUtcNow(), ct);
            if (!quote.InArea) return OrderingErrors.OutOfDeliveryArea(quote.DistanceKm, quote.DeliveryRadiusKm, quote.ZoneKind).ToProblem();
            fee = quote.FeeFen;
        }

        var customerId = Actor.From(principal).UserId;
        var wanted = request.Lines is { Length: > 0 }
            ? request.Lines.Select(l => new PlacementLine(Guid.TryParse(l!.ProductId, out var id) ? id : Guid.Empty, l.Quantity!.Value)).ToList()
            : (await cart.GetItemsAsync(customerId, ct)).Select(i => new PlacementLine(i.ProductId, i.Quantity)).ToList();
        if (wanted.Count == 0) return OrderingErrors.CartEmpty.ToProblem();
        var lines = wanted.GroupBy(w => w.ProductId).Select(g => new PlacementLine(g.Key, g.Sum(x => x.Quantity))).ToList();
        var products = await catalog.GetAsync([.. lines.Select(l => l.ProductId)], ct);
        if (lines.Any(l => !products.TryGetValue(l.ProductId, out var p) || !p.IsActive || p.MerchantId != store.MerchantId || p.Kind != ProductKinds.Goods))
            return OrderingErrors.ProductNotFound.ToProblem();

        var priced = await promotions.PriceAsync(CheckoutPricing.Request(customerId, store, lines, products, fee, CheckoutPricing.CouponIds(request.CouponIds)), ct);
        if (!priced.IsSuccess) return priced.Error!.ToProblem();
        var english = http.PrefersEnglish();
        var q = priced.Value;
        var points = request.Points ?? 0;
        long pointsFen = 0;
        if (points > 0)
        {
            var use = await loyalty.QuoteAsync(customerId, points, CheckoutPricing.PointsPayable(q), ct);
            if (!use.IsSuccess) return use.Error!.ToProblem();
            (q, pointsFen) = (CheckoutPricing.WithPoints(q, use.Value.ValueFen), use.Value.ValueFen);
        }
        PriceAdjustmentResponse View(PriceAdjustment a) => CheckoutPricing.View(a.PromotionId, a.CouponId, a.NameZh, a.NameEn, a.Kind, a.AmountFen, english);
        return TypedResults.Ok(new CartPriceResponse(
            [.. q.Lines.Select(l => new PricedLineResponse(l.ProductId.ToString(), products[l.ProductId].Sku, products[l.ProductId].DisplayName(english),
                lines.First(x => x.ProductId == l.ProductId).Quantity, products[l.ProductId].PriceFen, l.SubtotalFen, l.DiscountFen, l.TotalFen, [.. l.Adjustments.Select(View)]))],
            q.SubtotalFen, q.DiscountFen, q.DeliveryFeeFen, q.DeliveryDiscounts.Sum(d => d.AmountFen), q.TotalFen, [.. q.Applied.Select(View)],
            [.. q.DeliveryDiscounts.Select(View)],
            [.. q.Gifts.Select(g => new GiftResponse(g.PromotionId.ToString(), g.CouponId?.ToString(), english ? g.NameEn : g.NameZh, g.ProductId.ToString(), g.Quantity))],
            [.. q.CouponIds.Select(c => c.ToString())], Points: points, PointsFen: pointsFen));
    }
}
