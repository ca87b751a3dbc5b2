using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>
/// The delivery rule, once: the distance from the store, whether it is inside the store's delivery radius, and the fee.
/// Checkout applies it when an order is placed; the quote shows the same answer before.
/// </summary>
internal sealed record DeliveryQuote(double DistanceKm, double DeliveryRadiusKm, long FeeFen)
{
    public bool InArea => DistanceKm <= DeliveryRadiusKm;

    public static DeliveryQuote For(StoreInfo store, double lat, double lng, DeliveryOptions fees)
    {
        var km = Math.Round(Geo.DistanceKm(store.Lat, store.Lng, lat, lng), 3);
        return new DeliveryQuote(km, store.DeliveryRadiusKm, fees.FeeFor(km));
    }
}

internal static class DeliveryQuotes
{
    /// <summary>GET /api/stores/{id}/delivery-quote?lat=&amp;lng=: the fee and whether the store delivers there, before any order.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/stores/{storeId}/delivery-quote", Handle).AllowAnonymous().WithTags("Cart and checkout")
            .WithSummary("Delivery to a position: distance from the store, its delivery radius, whether it is inside, and the fee checkout will charge");

    private static async Task<IResult> Handle(string storeId, double? lat, double? lng, IStores stores, IOptions<DeliveryOptions> fees, CancellationToken ct)
    {
        var v = new Validation().Position("", lat, lng);
        if (v.Error is { } invalid) return invalid.ToProblem();
        var store = Guid.TryParse(storeId, out var id) ? await stores.FindAsync(id, ct) : null;
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (!store.Offers(FulfillmentType.Delivery)) return OrderingErrors.FulfillmentNotOffered.ToProblem();
        var quote = DeliveryQuote.For(store, lat!.Value, lng!.Value, fees.Value);
        return Results.Ok(new DeliveryQuoteResponse(quote.DistanceKm, quote.DeliveryRadiusKm, quote.InArea, quote.InArea ? quote.FeeFen : null));
    }
}
