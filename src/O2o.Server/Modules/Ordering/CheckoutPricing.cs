using O2o.Contracts;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;

namespace O2o.Server.Modules.Ordering;

/// <summary>How checkout asks the Promotions module for a price, and keeps the answer on the order.</summary>
internal static class CheckoutPricing
{
    /// <summary>
    /// Goods bought at checkout get promotions; vouchers, bookings and group buys keep the price they were sold at, and so does an
    /// order of flash-sale lines only (a flash price excludes every other promotion), which then costs a stampede no pricing queries.
    /// </summary>
    public static bool Applies(string fulfillmentType, IReadOnlyList<PlacementLine> lines) =>
        fulfillmentType is FulfillmentType.Pickup or FulfillmentType.Delivery && lines.Any(l => l.UnitPriceFen is null);

    /// <summary>A line with a price of its own (a flash sale's) is priced as given and takes no other promotion.</summary>
    public static PriceRequest Request(string customerId, StoreInfo store, IReadOnlyList<PlacementLine> lines, IReadOnlyDictionary<Guid, ProductInfo> products,
        long deliveryFeeFen, IReadOnlyList<Guid>? couponIds) =>
        new(customerId, store.MerchantId, store.Id, SalesChannel.Online,
            [.. lines.Select(l => new PriceLine(l.ProductId, products[l.ProductId].Category, l.UnitPriceFen ?? products[l.ProductId].PriceFen, l.Quantity, l.UnitPriceFen is not null))],
            deliveryFeeFen, couponIds);

    /// <summary>What a points adjustment says on a line: points paid this much of it (积分抵扣).</summary>
    public const string PointsKind = "points";
    public const int MaxPoints = 10_000_000;

    /// <summary>
    /// The quote with <paramref name="valueFen"/> of points taken off its lines in proportion to what each still costs, remainders to the
    /// largest shares (ties to the earlier line), so the lines add up to the fen. Points never pay the delivery fee.
    /// </summary>
    public static Quote WithPoints(Quote quote, long valueFen)
    {
        if (valueFen <= 0) return quote;
        var totals = quote.Lines.Select(l => l.TotalFen).ToArray();
        var sum = totals.Sum();
        var shares = totals.Select(t => (long)((Int128)valueFen * t / sum)).ToArray();
        var rest = valueFen - shares.Sum();
        foreach (var i in Enumerable.Range(0, totals.Length).OrderByDescending(i => (Int128)valueFen * totals[i] % sum).ThenBy(i => i).Take((int)rest)) shares[i]++;
        var lines = quote.Lines.Select((l, i) => shares[i] == 0 ? l : l with
        {
            DiscountFen = l.DiscountFen + shares[i], TotalFen = l.TotalFen - shares[i],
            Adjustments = [.. l.Adjustments, new PriceAdjustment(Guid.Empty, null, "积分抵扣", "Paid with points", PointsKind, shares[i])],
        }).ToList();
        return quote with { Lines = lines };
    }

    /// <summary>What points may pay for: the goods after promotions, never the delivery fee.</summary>
    public static long PointsPayable(Quote quote) => quote.Lines.Sum(l => l.TotalFen);

    public static List<OrderDiscount> Discounts(Quote quote)
    {
        var discounts = new List<OrderDiscount>();
        foreach (var line in quote.Lines)
            discounts.AddRange(line.Adjustments.Select(a => Of(OrderDiscount.Line, line.ProductId, a.PromotionId, a.CouponId, a.Kind, a.NameZh, a.NameEn, a.AmountFen, 0)));
        discounts.AddRange(quote.DeliveryDiscounts.Select(a => Of(OrderDiscount.Delivery, null, a.PromotionId, a.CouponId, a.Kind, a.NameZh, a.NameEn, a.AmountFen, 0)));
        discounts.AddRange(quote.Gifts.Select(g => Of(OrderDiscount.Gift, g.ProductId, g.PromotionId, g.CouponId, "gift", g.NameZh, g.NameEn, 0, g.Quantity)));
        return discounts;
    }

    /// <summary>Coupon ids from a request; one that is not even an id cannot be the caller's, so it reads as not found.</summary>
    public static List<Guid>? CouponIds(string[]? raw) => raw?.Select(c => Guid.TryParse(c, out var id) ? id : Guid.Empty).ToList();

    public static PriceAdjustmentResponse View(Guid promotionId, Guid? couponId, string nameZh, string? nameEn, string kind, long amountFen, bool english) =>
        new(promotionId.ToString(), couponId?.ToString(), english && !string.IsNullOrEmpty(nameEn) ? nameEn : nameZh, kind, amountFen);

    private static OrderDiscount Of(string target, Guid? productId, Guid promotionId, Guid? couponId, string kind, string nameZh, string nameEn,
        long amount, int quantity) => new()
        {
            Target = target, ProductId = productId, PromotionId = promotionId, CouponId = couponId, Kind = kind,
            NameZh = nameZh, NameEn = nameEn, AmountFen = amount, Quantity = quantity,
        };
}
