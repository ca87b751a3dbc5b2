using O2o.Server.Kernel;

namespace O2o.Server.Modules.Promotions;

/// <summary>Where a sale happens; promotions are scoped by it.</summary>
public static class SalesChannel
{
    public const string Online = "online";
    public const string Counter = "counter";
}

/// <summary>A line to price. A flash-sale price is final: such a line gets no other promotion and counts toward no threshold.</summary>
public sealed record PriceLine(Guid ProductId, string? Category, long UnitPriceFen, int Quantity, bool FlashPriced = false);

/// <summary>
/// A cart to price for a customer (null at an anonymous counter sale). <paramref name="CouponIds"/>: null lets the engine choose the
/// best coupons of the customer's wallet; otherwise exactly these are used, and each must apply.
/// </summary>
public sealed record PriceRequest(string? CustomerId, Guid MerchantId, Guid StoreId, string Channel, IReadOnlyList<PriceLine> Lines, long DeliveryFeeFen,
    IReadOnlyList<Guid>? CouponIds);

/// <summary>What one promotion or coupon took off a line or the delivery fee; <paramref name="Kind"/> as in the admin API (spend_save, ...).</summary>
public sealed record PriceAdjustment(Guid PromotionId, Guid? CouponId, string NameZh, string NameEn, string Kind, long AmountFen);

/// <summary>A priced line, in the order of the request: its subtotal, what was taken off it and why.</summary>
public sealed record QuotedLine(Guid ProductId, long SubtotalFen, long DiscountFen, long TotalFen, IReadOnlyList<PriceAdjustment> Adjustments);

public sealed record QuotedGift(Guid PromotionId, Guid? CouponId, string NameZh, string NameEn, Guid ProductId, int Quantity);

/// <summary>The price of a cart: per line, the delivery fee and its discounts, the gifts, every promotion applied and the coupons used.</summary>
public sealed record Quote(IReadOnlyList<QuotedLine> Lines, long SubtotalFen, long DeliveryFeeFen, IReadOnlyList<PriceAdjustment> DeliveryDiscounts,
    IReadOnlyList<QuotedGift> Gifts, IReadOnlyList<PriceAdjustment> Applied, IReadOnlyList<Guid> CouponIds)
{
    public long DiscountFen => Lines.Sum(l => l.DiscountFen) + DeliveryDiscounts.Sum(d => d.AmountFen);
    public long TotalFen => SubtotalFen + DeliveryFeeFen - DiscountFen;
}

/// <summary>The Promotions module's facade: one pricing engine for online orders and counter sales.</summary>
public interface IPromotions
{
    /// <summary>Prices the lines; an error only for coupons chosen by the caller that are not theirs, used, expired or not applicable.</summary>
    Task<Result<Quote>> PriceAsync(PriceRequest request, CancellationToken ct);

    /// <summary>
    /// Takes what the quote gives for order (or counter sale) <paramref name="orderId"/>, in the caller's transaction: its coupons (each used
    /// once, also when checkouts race), its budgets and per-customer limits (never exceeded). An error means nothing may be committed.
    /// Given back when the order is cancelled or expires.
    /// </summary>
    Task<Error?> ReserveAsync(Guid orderId, string? customerId, Quote quote, CancellationToken ct);

    /// <summary>Null when an admin of <paramref name="merchantId"/> (null: the platform) may issue coupons of this definition now; else why not.</summary>
    Task<Error?> CheckIssuableAsync(Guid promotionId, Guid? merchantId, CancellationToken ct);

    /// <summary>Issues one coupon of the definition to each customer in the caller's unit of work (saved with it), as an admin's issue does.</summary>
    Task<Result<IReadOnlyList<Guid>>> IssueCouponsAsync(Guid promotionId, IReadOnlyCollection<string> customerIds, CancellationToken ct);

    /// <summary>What coupons of this definition took off these customers' orders since <paramref name="since"/> (given back ones not counted).</summary>
    Task<long> CouponDiscountFenAsync(Guid promotionId, IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken ct);
}
