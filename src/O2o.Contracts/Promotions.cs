namespace O2o.Contracts;

public sealed record CreateFlashSaleRequest(
    string? ProductId, string[]? StoreIds, long? PriceFen, int? Quantity, int? PerCustomerLimit, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

public sealed record FlashSaleResponse(
    string Id, string ProductId, string[] StoreIds, long PriceFen, long RegularPriceFen, int Quantity, int Remaining, int PerCustomerLimit,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

public sealed record FlashSaleOrderRequest(int? Quantity, FulfillmentDto? Fulfillment);

/// <summary>A spend-save tier: from <paramref name="ThresholdFen"/> of eligible goods, <paramref name="AmountFen"/> off.</summary>
public sealed record TierDto(long? ThresholdFen, long? AmountFen);

/// <summary>
/// A promotion or a coupon definition. <paramref name="Kind"/>: spend_save, fixed_off, percent_off, nth_item, bundle, member_price,
/// free_delivery or gift (coupons: spend_save, fixed_off, percent_off, free_delivery). Empty scopes mean every channel, store, product,
/// customer. Money in fen; <paramref name="Percent"/> is percent off (15 = 8.5折).
/// </summary>
public sealed record PromotionRequest(
    string? Kind, string? Name, string? NameEn, string? MerchantId, string[]? Channels, string[]? StoreIds, string[]? ProductIds, string[]? Categories,
    string[]? SegmentIds, int? MinMemberTier, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    TierDto[]? Tiers, long? MinSpendFen, long? AmountFen, int? Percent, long? CapFen, int? NthUnit, long? PriceFen, string? GiftProductId, int? GiftQuantity,
    bool? Exclusive, string? StackingGroup, long? BudgetFen, int? BudgetUses, int? PerCustomerLimit,
    string? Code = null, bool? Claimable = null, int? ValidDays = null);

public sealed record PromotionResponse(
    string Id, string Kind, bool IsCoupon, string Name, string? NameEn, string[] Channels, string[] StoreIds, string[] ProductIds, string[] Categories,
    string[] SegmentIds, int MinMemberTier, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    TierDto[] Tiers, long MinSpendFen, long AmountFen, int Percent, long CapFen, int NthUnit, long PriceFen, string? GiftProductId, int GiftQuantity,
    bool Exclusive, string StackingGroup, long? BudgetFen, int? BudgetUses, long SpentFen, int Uses, int? PerCustomerLimit,
    string? Code, bool Claimable, int? ValidDays, string Status);

public sealed record IssueCouponsRequest(string[]? CustomerIds);
public sealed record IssueCouponsResponse(string PromotionId, string[] CouponIds);
public sealed record RedeemCouponCodeRequest(string? Code);

/// <summary>A coupon a customer may claim (领券).</summary>
public sealed record CouponOfferResponse(string PromotionId, string Name, string Kind, TierDto[] Tiers, long MinSpendFen, long AmountFen, int Percent, long CapFen,
    DateTimeOffset EndsAt);

/// <summary>A coupon in the wallet; <paramref name="Status"/>: available, used (by <paramref name="OrderId"/>) or expired.</summary>
public sealed record CouponResponse(string Id, string PromotionId, string Name, string Kind, string Status, string Source, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    string? OrderId, TierDto[] Tiers, long MinSpendFen, long AmountFen, int Percent, long CapFen);

/// <summary>A quote of the cart (or of the given lines) as checkout would price it; <paramref name="CouponIds"/> null lets the engine choose.</summary>
public sealed record PriceCartRequest(FulfillmentDto? Fulfillment, OrderLineRequest[]? Lines, string[]? CouponIds, int? Points = null);

/// <summary>What one promotion or coupon took off a line (or the delivery fee), in fen.</summary>
public sealed record PriceAdjustmentResponse(string PromotionId, string? CouponId, string Name, string Kind, long AmountFen);
public sealed record GiftResponse(string PromotionId, string? CouponId, string Name, string ProductId, int Quantity);
public sealed record PricedLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long SubtotalFen, long DiscountFen, long TotalFen,
    PriceAdjustmentResponse[] Adjustments);
public sealed record CartPriceResponse(PricedLineResponse[] Lines, long SubtotalFen, long DiscountFen, long DeliveryFeeFen, long DeliveryDiscountFen, long TotalFen,
    PriceAdjustmentResponse[] Applied, PriceAdjustmentResponse[] DeliveryDiscounts, GiftResponse[] Gifts, string[] CouponIds, string Currency = "CNY",
    int Points = 0, long PointsFen = 0);
