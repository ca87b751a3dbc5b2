using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using O2o.Server.Modules.Promotions.Pricing;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The automatic promotions of a merchant that run now or soon, kept by each node for a few seconds: every quote and checkout
/// needs them, and they change rarely. Admin changes forget the entry at once on this node; other nodes see them within
/// <see cref="KeepFor"/>. Budgets read here are only a hint: checkout's conditional updates are what keep them.
/// </summary>
internal sealed class PromotionCatalog(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    /// <summary>Each definition with its engine rule, built once per load (scope sets hashed, tiers parsed).</summary>
    public async Task<IReadOnlyList<(Promotion Definition, PricingRule Rule)>> ActiveAsync(Guid merchantId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(merchantId), out IReadOnlyList<(Promotion, PricingRule)>? promotions)) return promotions!;
        var now = clock.GetUtcNow();
        var until = now + KeepFor;
        using var scope = scopes.CreateScope();
        promotions = [.. (await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<Promotion>().AsNoTracking()
            .Where(p => p.MerchantId == merchantId && !p.IsCoupon && p.EndsAt > now && p.StartsAt <= until)
            .OrderBy(p => p.Id).ToListAsync(ct)).Select(p => (p, PromotionKinds.ToRule(p)))];
        cache.Set(Key(merchantId), promotions, KeepFor);
        return promotions;
    }

    public void Forget(Guid merchantId) => cache.Remove(Key(merchantId));

    private static (string, Guid) Key(Guid merchantId) => ("promotions", merchantId);
}
