using O2o.Contracts;

namespace O2o.Server.Modules.Ordering;

internal static class OrderViews
{
    public static OrderResponse ToResponse(Order o, bool english, bool showPickupCode) => new(
        o.Id.ToString(), o.Status, o.StoreId.ToString(),
        new FulfillmentResponse(o.FulfillmentType, o.StoreId.ToString(),
            o.DeliveryAddress is { } a ? new AddressDto(a.Line, a.Lat, a.Lng, a.ContactName, a.ContactPhone) : null, o.DeliveryDistanceKm, o.PickupSlotStart,
            o.DeliverySpeed, o.PromisedFrom, o.PromisedBy),
        o.Lines.OrderBy(l => l.Sku).Select(l => new OrderLineResponse(l.ProductId.ToString(), l.Sku,
            english && !string.IsNullOrEmpty(l.NameEn) ? l.NameEn : l.NameZh, l.Quantity, l.UnitPriceFen, l.LineTotalFen)).ToArray(),
        o.SubtotalFen, o.DiscountFen, o.DeliveryFeeFen, o.TotalFen, o.Currency, showPickupCode ? o.PickupCode : null,
        o.CreatedAt, o.PaidAt, o.PaymentDeadline,
        o.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineEntryResponse(t.Status, t.At, t.Note)).ToArray());
}
