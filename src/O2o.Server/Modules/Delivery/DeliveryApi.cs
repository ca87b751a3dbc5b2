using O2o.Server.Modules.Stores;

namespace O2o.Server.Modules.Delivery;

/// <summary>Delivery speeds a customer chooses at checkout.</summary>
public static class DeliverySpeeds
{
    /// <summary>As soon as possible (即时达).</summary>
    public const string Express = "express";
    /// <summary>A consolidated, unhurried window at a lower fee (低碳慢送): riders carry several orders in one trip.</summary>
    public const string NoRush = "no_rush";

    public static bool IsKnown(string? speed) => speed is Express or NoRush;
}

/// <summary>
/// Delivery from a store to a position as checkout decides it: the distance, whether the store's zone (its drawn area,
/// or else its radius) covers it, the fee, and the promised window from the riders' current load.
/// </summary>
public sealed record DeliveryTerms(double DistanceKm, double DeliveryRadiusKm, bool InArea, string ZoneKind, long FeeFen, string Speed,
    DateTimeOffset PromisedFrom, DateTimeOffset PromisedBy);

/// <summary>The Delivery module's facade for checkout.</summary>
public interface IDeliveryQuotes
{
    /// <summary>The fee alone, for a known distance (history, reports).</summary>
    long FeeFor(double distanceKm, string speed);

    Task<DeliveryTerms> QuoteAsync(StoreInfo store, double lat, double lng, string speed, DateTimeOffset now, CancellationToken ct);
}
