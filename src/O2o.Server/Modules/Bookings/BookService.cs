using System.Security.Claims;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// Booking a slot: its places are taken at once (conditionally, so a full slot refuses), and an order for the deposit or the
/// price is placed in the same transaction; it is paid like any order, which confirms the booking. An order left unpaid
/// expires with the payment timeout and gives the places back.
/// </summary>
internal static class BookService
{
    public const int MaxQuantity = 50;
    public const string Source = "bookings";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bookings", Handle).RequireAuthorization(Policies.Customer).WithIdempotency("bookings.book").WithTags("Bookings")
            .WithSummary("Book places in a slot of a service: the places are held and an order waits for payment (the deposit or the price)");

    private static async Task<IResult> Handle(BookServiceRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, ICatalog catalog,
        IOrdering ordering, SlotPlaces places, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("productId", request.ProductId, 64).Text("storeId", request.StoreId, 64)
            .Range("quantity", request.Quantity, 1, MaxQuantity, required: false);
        if (request.Start is null) v.Add("start", "Required: the start of a slot (GET /api/stores/{storeId}/services/{productId}/slots).");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var found = await ListServiceSlots.ServiceAtAsync(request.StoreId!, request.ProductId!, db, stores, catalog, ct);
        if (!found.IsSuccess) return found.Error!.ToProblem();
        var (terms, store) = found.Value;
        var now = clock.GetUtcNow();
        var slot = await places.CheckAsync(terms, store, request.Start!.Value, now, ct);
        if (!slot.IsSuccess) return slot.Error!.ToProblem();

        var quantity = request.Quantity ?? 1;
        var customer = Actor.From(principal).UserId;
        var info = (await catalog.GetAsync([terms.ProductId], ct))[terms.ProductId];
        var booked = await db.InTransactionAsync<Result<Booking>>(async () =>
        {
            if (!await places.TakeAsync(terms.ProductId, store.Id, slot.Value.Start, quantity, terms.Capacity, ct)) return BookingsErrors.SlotFull;
            var placed = await ordering.PlaceAsync(new PlacementRequest(customer, new FulfillmentDto(BookingFulfillment.Type, store.Id.ToString(), null),
                [new PlacementLine(terms.ProductId, quantity, terms.ChargeFor(info.PriceFen))], Source: Source), http.PrefersEnglish(), ct);
            if (!placed.IsSuccess) return placed.Error!;
            var booking = new Booking
            {
                ProductId = terms.ProductId, StoreId = store.Id, CustomerId = customer, OrderId = Guid.Parse(placed.Value.Id), NameZh = info.NameZh,
                NameEn = info.NameEn, Quantity = quantity, SlotStart = slot.Value.Start, SlotEnd = slot.Value.End, PriceFen = info.PriceFen * quantity,
                ChargedFen = placed.Value.TotalFen, FreeCancelHours = terms.FreeCancelHours, LateCancelRefundPercent = terms.LateCancelRefundPercent,
                RescheduleHours = terms.RescheduleHours, CreatedAt = now,
            };
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            return booking;
        }, r => r.IsSuccess, ct);
        if (!booked.IsSuccess) return booked.Error!.ToProblem();
        var view = await BookingViews.ToResponsesAsync(db, stores, [booked.Value], http.PrefersEnglish(), ct);
        return Results.Created($"/api/bookings/{booked.Value.Id}", view[0]);
    }
}
