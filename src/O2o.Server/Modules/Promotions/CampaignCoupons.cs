using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>Coupons for other modules' campaigns: issued exactly as an admin issues them, and what they then took off orders.</summary>
internal static class CampaignCoupons
{
    private const int Chunk = 500;

    public static async Task<Error?> CheckIssuableAsync(O2oDb db, Guid promotionId, Guid? merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var definition = await db.Set<Promotion>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == promotionId && p.IsCoupon, ct);
        if (definition is null || (merchantId is not null && definition.MerchantId != merchantId)) return CouponErrors.PromotionNotFound;
        return definition.EndsAt <= now ? CouponErrors.PromotionEnded : null;
    }

    public static async Task<Result<IReadOnlyList<Guid>>> IssueAsync(O2oDb db, Guid promotionId, IReadOnlyCollection<string> customerIds, DateTimeOffset now,
        CancellationToken ct)
    {
        if (await CheckIssuableAsync(db, promotionId, null, now, ct) is { } refused) return refused;
        var definition = await db.Set<Promotion>().AsNoTracking().FirstAsync(p => p.Id == promotionId, ct);
        var issued = new List<Guid>();
        foreach (var customerId in customerIds.Distinct())
        {
            var coupon = await CouponEndpoints.IssueAsync(db, definition, customerId, "issued", now, ct);
            if (!coupon.IsSuccess) return coupon.Error!;
            issued.Add(coupon.Value.Id);
        }
        return issued;
    }

    public static async Task<long> DiscountFenAsync(O2oDb db, Guid promotionId, IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken ct)
    {
        long total = 0;
        foreach (var chunk in customerIds.Distinct().Chunk(Chunk))
            total += await db.Set<PromotionApplication>().AsNoTracking()
                .Where(a => a.PromotionId == promotionId && a.CouponId != null && !a.Released && a.At >= since && chunk.Contains(a.CustomerId!))
                .SumAsync(a => a.AmountFen, ct);
        return total;
    }
}
