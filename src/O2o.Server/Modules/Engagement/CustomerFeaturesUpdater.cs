using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// Keeps one customer's features current (profile and tier as told by events; recency, frequency, monetary value and favourite store
/// from Engagement's own purchases) and then re-evaluates only that customer against every segment.
/// </summary>
internal sealed class CustomerFeaturesUpdater(O2oDb db, SegmentEvaluator segments, TimeProvider clock)
{
    public const int WindowDays = 365;

    /// <summary>Applies <paramref name="change"/> (null: only recompute the purchase figures) as of <paramref name="at"/> (default now), saves, and moves the customer in or out of segments.</summary>
    public async Task UpdateAsync(string customerId, Action<CustomerFeatures>? change, CancellationToken ct, DateTimeOffset? at = null)
    {
        var now = at ?? clock.GetUtcNow();
        var features = await db.Set<CustomerFeatures>().FirstOrDefaultAsync(f => f.CustomerId == customerId, ct);
        if (features is null) db.Add(features = new CustomerFeatures { CustomerId = customerId });
        change?.Invoke(features);
        var purchases = await db.Set<Purchase>().AsNoTracking().Where(p => p.CustomerId == customerId && p.RefundedFen < p.AmountFen)
            .Select(p => new PurchaseFact(p.StoreId, p.AmountFen - p.RefundedFen, p.PaidAt)).ToListAsync(ct);
        Recompute(features, purchases, now);
        await db.SaveChangesAsync(ct);
        await segments.EvaluateCustomerAsync(features, now, ct);
    }

    /// <summary>Purchase figures from purchases that were not refunded in full (net amounts).</summary>
    public static void Recompute(CustomerFeatures features, IReadOnlyCollection<PurchaseFact> purchases, DateTimeOffset now)
    {
        var since = now.AddDays(-WindowDays);
        var recent = purchases.Where(p => p.PaidAt > since).ToList();
        features.LastPurchaseAt = purchases.Count == 0 ? null : purchases.Max(p => p.PaidAt);
        features.Orders365 = recent.Count;
        features.Spend365Fen = recent.Sum(p => p.NetFen);
        features.FavouriteStoreId = purchases.Count == 0 ? null : purchases.GroupBy(p => p.StoreId)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(p => p.PaidAt)).First().Key;
        features.UpdatedAt = now;
    }
}

internal sealed record PurchaseFact(Guid StoreId, long NetFen, DateTimeOffset PaidAt);
