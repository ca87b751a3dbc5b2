using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>The demo chain's voucher terms: a cash voucher valid everywhere for 90 days, a 3-cup juice card at three stores.</summary>
public static class VouchersDemo
{
    public static async Task SeedAsync(O2oDb db, IReadOnlyList<(Guid Id, string Sku)> products, Guid merchantId, IReadOnlyList<Guid> storeIds, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var (id, sku) in products)
        {
            var juice = sku == "V-JUICE-3";
            db.Add(new VoucherTerms
            {
                ProductId = id, MerchantId = merchantId, Uses = juice ? 3 : 1, FaceValueFen = juice ? 5400 : 10000,
                StoreIds = juice ? [.. storeIds.Take(3)] : [.. storeIds], ValidDays = juice ? 30 : 90, PerCustomerLimit = juice ? 2 : 5, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
