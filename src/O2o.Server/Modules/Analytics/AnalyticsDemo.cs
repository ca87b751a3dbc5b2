using O2o.Server.Platform;

namespace O2o.Server.Modules.Analytics;

/// <summary>
/// A month of funnel history matching the demo's past orders: for each store and day, views and cart adds as a
/// believable multiple of the orders placed there that day (place_order and pay come from the orders themselves).
/// </summary>
public static class AnalyticsDemo
{
    public static async Task SeedAsync(O2oDb db, Guid merchantId, IEnumerable<(Guid StoreId, DateOnly Day, int Placed)> days, CancellationToken ct)
    {
        var random = new Random(20260302);
        foreach (var (storeId, day, placed) in days)
        {
            var carts = placed * 2 + random.Next(placed + 2);
            var products = carts * 3 + random.Next(carts + 5);
            var storePages = products + placed * 4 + random.Next(20);
            foreach (var (step, count) in new[] { (FunnelSteps.ViewStore, storePages), (FunnelSteps.ViewProduct, products), (FunnelSteps.AddToCart, carts) })
                db.Add(new FunnelDay { Day = day, MerchantId = merchantId, StoreId = storeId, Step = step, Count = count });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
