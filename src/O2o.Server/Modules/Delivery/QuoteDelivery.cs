using O2o.Contracts;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

internal static class QuoteDelivery
{
    /// <summary>GET /api/stores/{id}/delivery-quote?lat=&amp;lng=&amp;speed=: the fee, the promised window and whether the store delivers there, before any order.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/stores/{storeId}/delivery-quote", Handle).AllowAnonymous().WithTags("Cart and checkout")
            .WithSummary("Delivery to a position: distance, whether the store's zone covers it, the fee and the promised window for express or no_rush, as checkout will decide");

    private static async Task<IResult> Handle(string storeId, double? lat, double? lng, string? speed, IStores stores, IDeliveryQuotes quotes,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Position("", lat, lng);
        speed ??= DeliverySpeeds.Express;
        if (!DeliverySpeeds.IsKnown(speed)) v.Add("speed", "Must be express or no_rush.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var store = Guid.TryParse(storeId, out var id) ? await stores.FindAsync(id, ct) : null;
        if (store is null) return DeliveryErrors.StoreNotFound.ToProblem();
        if (!store.Offers("delivery")) return DeliveryErrors.DeliveryNotOffered.ToProblem();
        var terms = await quotes.QuoteAsync(store, lat!.Value, lng!.Value, speed, clock.GetUtcNow(), ct);
        return Results.Ok(new DeliveryQuoteResponse(terms.DistanceKm, terms.DeliveryRadiusKm, terms.InArea, terms.InArea ? terms.FeeFen : null)
        {
            Speed = terms.Speed, Zone = terms.ZoneKind,
            PromisedFrom = terms.InArea ? terms.PromisedFrom : null, PromisedBy = terms.InArea ? terms.PromisedBy : null,
        });
    }
}
