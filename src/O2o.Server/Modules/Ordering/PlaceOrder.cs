using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Cart;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

internal static class PlaceOrder
{
    public const int MaxLines = 100;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/orders", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("orders.create")
            .WithTags("Cart and checkout").WithSummary("Check out the given lines (or the whole cart) for pickup or delivery; reserves every line or nothing");

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Handle(
        PlaceOrderRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, ICatalog catalog,
        ICart cart, IInventory inventory, IOptions<OrderingOptions> options, IOptions<DeliveryOptions> delivery, TimeProvider clock, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        var v = Validate(request);
        if (v.Error is not null) return v.Error.ToProblem();
        var f = request.Fulfillment!;

        var store = Guid.TryParse(f.StoreId, out var storeId) ? await stores.FindAsync(storeId, ct) : null;
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (!store.Offers(f.Type!)) return OrderingErrors.FulfillmentNotOffered.ToProblem();
        if (!store.OpenNow) return OrderingErrors.StoreClosed.ToProblem();

        DeliveryAddress? address = null;
        double? distanceKm = null;
        long deliveryFee = 0;
        if (f.Type == FulfillmentType.Delivery)
        {
            var a = f.Address!;
            distanceKm = Math.Round(Geo.DistanceKm(store.Lat, store.Lng, a.Lat!.Value, a.Lng!.Value), 3);
            if (distanceKm > store.DeliveryRadiusKm) return OrderingErrors.OutOfDeliveryArea(distanceKm.Value, store.DeliveryRadiusKm).ToProblem();
            address = new DeliveryAddress { Line = a.Line!.Trim(), Lat = a.Lat.Value, Lng = a.Lng.Value, ContactName = a.ContactName!.Trim(), ContactPhone = a.ContactPhone!.Trim() };
            deliveryFee = delivery.Value.FeeFor(distanceKm.Value);
        }

        var result = await db.InTransactionAsync(async () =>
        {
            var fromCart = request.Lines is null || request.Lines.Length == 0;
            var wanted = fromCart
                ? (await cart.GetItemsAsync(customer, ct)).Select(i => (i.ProductId, i.Quantity)).ToList()
                : request.Lines!.Select(l => (ProductId: Guid.TryParse(l.ProductId, out var id) ? id : Guid.Empty, Quantity: l.Quantity!.Value)).ToList();
            if (wanted.Count == 0) return OrderingErrors.CartEmpty;
            var merged = wanted.GroupBy(w => w.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(x => x.Quantity))).ToList();
            if (merged.Any(m => m.Quantity > Validation.MaxQuantity))
                return Error.Validation("lines", $"At most {Validation.MaxQuantity} units of one product.");
            if (merged.Count > MaxLines) return Error.Validation("lines", $"At most {MaxLines} different products.");

            var products = await catalog.GetAsync(merged.Select(m => m.ProductId).ToList(), ct);
            var missing = merged.Where(m => !products.TryGetValue(m.ProductId, out var p) || !p.IsActive || p.MerchantId != store.MerchantId).ToList();
            if (missing.Count > 0)
                return OrderingErrors.ProductNotFound with { Extensions = new Dictionary<string, object?> { ["productIds"] = missing.Select(m => m.ProductId == Guid.Empty ? "(not an id)" : m.ProductId.ToString()).ToArray() } };

            var order = Order.Place(customer, store.Id, f.Type!, address, distanceKm,
                merged.Select(m => new OrderLine
                {
                    ProductId = m.ProductId, Sku = products[m.ProductId].Sku, NameZh = products[m.ProductId].NameZh,
                    NameEn = products[m.ProductId].NameEn, UnitPriceFen = products[m.ProductId].PriceFen, Quantity = m.Quantity,
                }).ToList(),
                deliveryFee, clock.GetUtcNow(), options.Value.PaymentTimeout);

            var shortages = await inventory.ReserveAsync(store.Id, merged.Select(m => new StockLine(m.ProductId, m.Quantity)).ToList(), $"order:{order.Id}", ct);
            if (shortages.Count > 0)
                return Error.Conflict("insufficient_stock", "Not enough stock at this store for: " + string.Join(", ", shortages.Select(s => $"{products[s.ProductId].NameZh} (wanted {s.Requested}, available {s.Available})")))
                    with { Extensions = new Dictionary<string, object?> { ["products"] = shortages.Select(s => new { productId = s.ProductId.ToString(), name = products[s.ProductId].NameZh, requested = s.Requested, available = s.Available }).ToArray() } };

            db.Add(order);
            if (fromCart) await cart.ClearAsync(customer, ct);
            await db.SaveChangesAsync(ct);
            return (Result<Order>)order;
        }, r => r.IsSuccess, ct);

        if (!result.IsSuccess) return result.Error!.ToProblem();
        return TypedResults.Created($"/api/orders/{result.Value.Id}", OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: true));
    }

    private static Validation Validate(PlaceOrderRequest request)
    {
        var v = new Validation();
        var f = request.Fulfillment;
        if (f is null) return v.Add("fulfillment", "Required.");
        if (f.Type is not (FulfillmentType.Pickup or FulfillmentType.Delivery)) v.Add("fulfillment.type", "Must be pickup or delivery.");
        v.Text("fulfillment.storeId", f.StoreId, 64);
        if (f.Type == FulfillmentType.Delivery)
        {
            if (f.Address is null) v.Add("fulfillment.address", "A delivery needs an address.");
            else
                v.Text("fulfillment.address.line", f.Address.Line, 300).Position("fulfillment.address.", f.Address.Lat, f.Address.Lng)
                    .Text("fulfillment.address.contactName", f.Address.ContactName, 100).Phone("fulfillment.address.contactPhone", f.Address.ContactPhone, required: true);
        }
        if (request.Lines is { Length: > MaxLines }) v.Add("lines", $"At most {MaxLines} lines.");
        else
            for (var i = 0; i < (request.Lines?.Length ?? 0); i++)
            {
                var line = request.Lines![i];
                if (line is null) { v.Add($"lines[{i}]", "Required."); continue; }
                v.Text($"lines[{i}].productId", line.ProductId, 64).Quantity($"lines[{i}].quantity", line.Quantity);
            }
        return v;
    }
}
