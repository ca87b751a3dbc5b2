namespace O2o.Server.Modules.Analytics;

/// <summary>The steps of the shopping funnel, in order, as the dashboard names them.</summary>
public static class FunnelSteps
{
    public const string ViewStore = "view_store";
    public const string ViewProduct = "view_product";
    public const string AddToCart = "add_to_cart";
    public const string PlaceOrder = "place_order";
    public const string Pay = "pay";

    public static readonly string[] All = [ViewStore, ViewProduct, AddToCart, PlaceOrder, Pay];
}

/// <summary>
/// Counts a shopper's step (a store page, a product page, a cart add) for the funnel. In memory, flushed to the
/// database every few seconds: a read path calls it without a database write. Placing and paying are counted from
/// the orders themselves, not here.
/// </summary>
public interface IFunnel
{
    /// <summary>One step at a merchant, at one of its stores when known.</summary>
    void Count(string step, Guid merchantId, Guid? storeId);
}
