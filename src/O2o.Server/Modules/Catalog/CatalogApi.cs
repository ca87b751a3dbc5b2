using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

/// <summary>What other modules may know of a product.</summary>
public sealed record ProductInfo(Guid Id, Guid MerchantId, string Sku, string NameZh, string? NameEn, long PriceFen, bool IsActive, string Kind = ProductKinds.Goods,
    string? Category = null)
{
    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;
}

/// <summary>What a product is: goods are stocked per store and picked up or delivered; a voucher (团购券) is bought online and redeemed in store.</summary>
public static class ProductKinds
{
    public const string Goods = "goods";
    public const string Voucher = "voucher";
    /// <summary>A service booked for a time slot at a store (a class, a table, a car wash); its terms are the Bookings module's.</summary>
    public const string Service = "service";
    public static readonly string[] All = [Goods, Voucher, Service];
}

public static class CatalogLimits
{
    /// <summary>¥1,000,000: the highest price a product (or a sale of it) may have.</summary>
    public const long MaxPriceFen = 100_000_000;
}

/// <summary>The Catalog module's facade.</summary>
public interface ICatalog
{
    Task<IReadOnlyDictionary<Guid, ProductInfo>> GetAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct);
}

internal sealed class CatalogFacade(O2oDb db) : ICatalog
{
    public async Task<IReadOnlyDictionary<Guid, ProductInfo>> GetAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct) =>
        await db.Set<Product>().AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new ProductInfo(p.Id, p.MerchantId, p.Sku, p.NameZh, p.NameEn, p.PriceFen, p.IsActive, p.Kind, p.Category))
            .ToDictionaryAsync(p => p.Id, ct);
}
