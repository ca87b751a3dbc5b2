using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Cart;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Delivery;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>
/// Places an order: store, fulfilment and products checked, every line reserved or none, in one transaction.
/// Checkout and flash sales both come through here, so there is one way an order begins.
/// </summary>
internal sealed class OrderPlacement(O2oDb db, IStores stores, ICatalog catalog, ICart cart, IInventory inventory, PickupSlotBookings slots,
    IPromotions promotions, ILoyalty loyalty, IOptions<OrderingOptions> options, IDeliveryQuotes delivery, EventBus events, TimeProvider clock)
{
    public const int MaxLines = 100;

    public async Task<Result<Order>> PlaceAsync(PlacementRequest request, CancellationToken ct)
    {
        var f = request.Fulfillment;
        var store = Guid.TryParse(f.StoreId, out var storeId) ? await stores.FindAsync(storeId, ct) : null;
        if (store is null) return OrderingErrors.StoreNotFound;
        // Vouchers and bookings are bought any time, for use later; goods need the store open and offering the fulfilment.
        var prepaid = FulfillmentType.IsPrepaid(f.Type!);
        // A group buy is joined any time before its cutoff; the store supplies the leader's point, not the customer.
        var anyHour = prepaid || f.Type == FulfillmentType.GroupBuy;
        if (!anyHour && !store.Offers(f.Type!)) return OrderingErrors.FulfillmentNotOffered;
        if (!anyHour && !store.OpenNow) return OrderingErrors.StoreClosed;
        var slot = await slots.CheckAsync(store, f.Type!, f.PickupSlot, ct);
        if (!slot.IsSuccess) return slot.Error!;

        DeliveryAddress? address = null;
        double? distanceKm = null;
        long deliveryFee = 0;
        DeliveryPromise? promise = null;
        if (f.Type == FulfillmentType.Delivery)
        {
            var a = f.Address!;
            var terms = await delivery.QuoteAsync(store, a.Lat!.Value, a.Lng!.Value, f.Speed ?? DeliverySpeeds.Express, clock.GetUtcNow(), ct);
            if (!terms.InArea) return OrderingErrors.OutOfDeliveryArea(terms.DistanceKm, terms.DeliveryRadiusKm, terms.ZoneKind);
            address = new DeliveryAddress { Line = a.Line!.Trim(), Lat = a.Lat.Value, Lng = a.Lng.Value, ContactName = a.ContactName!.Trim(), ContactPhone = a.ContactPhone!.Trim() };
            (distanceKm, deliveryFee, promise) = (terms.DistanceKm, terms.FeeFen, new DeliveryPromise(terms.Speed, terms.PromisedFrom, terms.PromisedBy));
        }

        // Everything that only reads (cart, catalogue, price, points) happens before the write transaction, so writers queue for the
        // writes alone; what may change meanwhile is guarded by the conditional writes inside (stock, coupons, budgets, limits, points).
        var fromCart = request.Lines is null;
        var wanted = fromCart ? await CartLinesAsync(request.CustomerId, ct) : request.Lines!;
        var prepared = await PrepareAsync(request, store, wanted, deliveryFee, ct);
        if (!prepared.IsSuccess) return prepared.Error!;

        return await db.InTransactionAsync(async () =>
        {
            if (fromCart)
            {
                // The cart changed after it was priced (another tab): price what it holds now.
                var now = await CartLinesAsync(request.CustomerId, ct);
                if (!now.SequenceEqual(wanted))
                {
                    prepared = await PrepareAsync(request, store, now, deliveryFee, ct);
                    if (!prepared.IsSuccess) return prepared.Error!;
                }
            }
            var (merged, products, price) = prepared.Value;

            var order = Order.Place(request.CustomerId, store.Id, f.Type!, address, distanceKm,
                merged.Select(m => new OrderLine
                {
                    ProductId = m.ProductId, Sku = products[m.ProductId].Sku, NameZh = products[m.ProductId].NameZh,
                    NameEn = products[m.ProductId].NameEn, UnitPriceFen = m.UnitPriceFen ?? products[m.ProductId].PriceFen, Quantity = m.Quantity,
                }).ToList(),
                deliveryFee, clock.GetUtcNow(), request.PaymentTimeout ?? options.Value.PaymentTimeout, request.Source, slot.Value, promise,
                price is null ? null : CheckoutPricing.Discounts(price), request.Points);

            if (!prepaid)
            {
                var shortages = await inventory.ReserveAsync(store.Id, merged.Select(m => new StockLine(m.ProductId, m.Quantity)).ToList(), $"order:{order.Id}", ct);
                if (shortages.Count > 0) return Shortages.ToError(shortages, id => products[id].NameZh);
            }

            if (slot.Value is { } start && !await slots.TakeAsync(store.Id, start, store.PickupSlots!.Capacity, ct)) return PickupSlotBookings.Full;
            if (price is not null && await promotions.ReserveAsync(order.Id, request.CustomerId, price, ct) is { } refused) return refused;
            if (request.Points > 0 && await loyalty.SpendAsync(order.Id, request.CustomerId, request.Points, ct) is { } noPoints) return noPoints;
            db.Add(order);
            if (fromCart) await cart.ClearAsync(request.CustomerId, ct);
            await db.SaveChangesAsync(ct);
            events.Announce(order.Changed());
            return (Result<Order>)order;
        }, r => r.IsSuccess, ct);
    }

    private sealed record Prepared(List<PlacementLine> Lines, IReadOnlyDictionary<Guid, ProductInfo> Products, Quote? Price);

    private async Task<IReadOnlyList<PlacementLine>> CartLinesAsync(string customerId, CancellationToken ct) =>
        [.. (await cart.GetItemsAsync(customerId, ct)).Select(i => new PlacementLine(i.ProductId, i.Quantity))];

    /// <summary>The lines merged and checked against the catalogue, and their price with promotions and points.</summary>
    private async Task<Result<Prepared>> PrepareAsync(PlacementRequest request, StoreInfo store, IReadOnlyList<PlacementLine> wanted, long deliveryFee,
        CancellationToken ct)
    {
        var f = request.Fulfillment;
        if (wanted.Count == 0) return OrderingErrors.CartEmpty;
        var merged = wanted.GroupBy(w => w.ProductId)
            .Select(g => new PlacementLine(g.Key, g.Sum(x => x.Quantity), g.First().UnitPriceFen)).ToList();
        if (merged.Any(m => m.Quantity > Validation.MaxQuantity)) return Error.Validation("lines", $"At most {Validation.MaxQuantity} units of one product.");
        if (merged.Count > MaxLines) return Error.Validation("lines", $"At most {MaxLines} different products.");

        var products = await catalog.GetAsync(merged.Select(m => m.ProductId).ToList(), ct);
        var missing = merged.Where(m => !products.TryGetValue(m.ProductId, out var p) || !p.IsActive || p.MerchantId != store.MerchantId).ToList();
        if (missing.Count > 0)
            return OrderingErrors.ProductNotFound with { Extensions = new Dictionary<string, object?> { ["productIds"] = missing.Select(m => m.ProductId == Guid.Empty ? "(not an id)" : m.ProductId.ToString()).ToArray() } };

        var kind = f.Type switch { FulfillmentType.Voucher => ProductKinds.Voucher, FulfillmentType.Booking => ProductKinds.Service, _ => ProductKinds.Goods };
        if (merged.Any(m => products[m.ProductId].Kind != kind)) return OrderingErrors.WrongProductKind;

        if (!CheckoutPricing.Applies(f.Type!, merged))
            return request.Points > 0 ? OrderingErrors.PointsNotAccepted : new Prepared(merged, products, null);
        var priced = await promotions.PriceAsync(CheckoutPricing.Request(request.CustomerId, store, merged, products, deliveryFee, request.CouponIds), ct);
        if (!priced.IsSuccess) return priced.Error!;
        var price = priced.Value;
        if (request.Points > 0)
        {
            var use = await loyalty.QuoteAsync(request.CustomerId, request.Points, CheckoutPricing.PointsPayable(price), ct);
            if (!use.IsSuccess) return use.Error!;
            price = CheckoutPricing.WithPoints(price, use.Value.ValueFen);
        }
        return new Prepared(merged, products, price);
    }
}
