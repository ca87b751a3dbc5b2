using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// The demo chain's bookable services: a fresh-juice workshop (deposit ¥20, 6 places an hour) and a cake-decorating class
/// (paid in full, 4 places per 90 minutes), at the first three demo stores (the first is open around the clock).
/// </summary>
public static class BookingsDemo
{
    public static async Task SeedAsync(O2oDb db, IReadOnlyList<(Guid Id, string Sku)> services, Guid merchantId, IReadOnlyList<Guid> storeIds, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var (id, sku) in services)
        {
            var juice = sku == "S-JUICE-WORKSHOP";
            db.Add(new ServiceTerms
            {
                ProductId = id, MerchantId = merchantId, DurationMinutes = juice ? 60 : 90, Capacity = juice ? 6 : 4, StoreIds = [.. storeIds.Take(3)],
                DepositFen = juice ? 2000 : null, LeadMinutes = 30, MaxDaysAhead = 14, FreeCancelHours = juice ? 2 : 24, LateCancelRefundPercent = juice ? 0 : 50,
                RescheduleHours = juice ? 2 : 12, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
