using O2o.Contracts;

namespace O2o.Server.Modules.Ordering;

internal static class OrderViews
{
    /// <summary>The price breakdown shows when the order's discounts were loaded (one order) or there are none; lists leave it out.</summary>
    public static OrderResponse ToResponse(Order o, bool english, bool showPickupCode)
    {
        var explained = o.Discounts.Count > 0 || o.DiscountFen == 0;
        PriceAdjustmentResponse View(OrderDiscount d) => CheckoutPricing.View(d.PromotionId, d.CouponId, d.NameZh, d.NameEn, d.Kind, d.AmountFen, english);
        return new(
            o.Id.ToString(), o.Status, o.StoreId.ToString(),
            new FulfillmentResponse(o.FulfillmentType, o.StoreId.ToString(),
                o.DeliveryAddress is { } a ? new AddressDto(a.Line, a.Lat, a.Lng, a.ContactName, a.ContactPhone) : null, o.DeliveryDistanceKm, o.PickupSlotStart,
                    o.DeliverySpeed, o.PromisedFrom, o.PromisedBy),
            o.Lines.OrderBy(l => l.Sku).Select(l =>
            {
                // In the order the engine applied them: item prices, then promotions before coupons, each by id; points pay what is left.
                var mine = o.Discounts.Where(d => d.Target == OrderDiscount.Line && d.ProductId == l.ProductId)
                    .OrderBy(d => d.Kind == CheckoutPricing.PointsKind ? 2 : d.Kind is "member_price" or "nth_item" or "bundle" ? 0 : 1).ThenBy(d => d.CouponId is null ? 0 : 1).ThenBy(d => d.PromotionId).ToList();
                return new OrderLineResponse(l.ProductId.ToString(), l.Sku, english && !string.IsNullOrEmpty(l.NameEn) ? l.NameEn : l.NameZh, l.Quantity,
                    l.UnitPriceFen, l.LineTotalFen, mine.Sum(d => d.AmountFen), explained ? [.. mine.Select(View)] : null);
            }).ToArray(),
            o.SubtotalFen, o.DiscountFen, o.DeliveryFeeFen, o.TotalFen, o.Currency, showPickupCode ? o.PickupCode : null,
            o.CreatedAt, o.PaidAt, o.PaymentDeadline,
            o.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineEntryResponse(t.Status, t.At, t.Note)).ToArray(),
            explained ? [.. o.Discounts.Where(d => d.Target == OrderDiscount.Delivery).Select(View)] : null,
            explained
                ? [.. o.Discounts.Where(d => d.Target == OrderDiscount.Gift).Select(d => new GiftResponse(d.PromotionId.ToString(), d.CouponId?.ToString(),
                    english && !string.IsNullOrEmpty(d.NameEn) ? d.NameEn : d.NameZh, d.ProductId.ToString()!, d.Quantity))]
                : null,
            explained ? [.. o.Discounts.Where(d => d.CouponId is not null).Select(d => d.CouponId!.Value.ToString()).Distinct()] : null, o.PointsUsed);
    }
}
