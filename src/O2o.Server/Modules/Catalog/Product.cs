namespace O2o.Server.Modules.Catalog;

internal sealed class Product
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MerchantId { get; init; }
    public required string Sku { get; init; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionZh { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Category { get; set; }
    public long PriceFen { get; set; }
    public List<string> ImageUrls { get; set; } = [];
    public bool IsActive { get; set; } = true;
    /// <summary><see cref="ProductKinds"/>: goods are stocked per store; a voucher is sold online and used in store.</summary>
    public string Kind { get; init; } = ProductKinds.Goods;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Lower-cased names and SKU in one column: a substring match on it works for Chinese (no word breaks) on every database.</summary>
    public string SearchText { get; private set; } = "";

    public void RefreshSearchText() => SearchText = $"{NameZh}\n{NameEn}\n{Sku}".ToLowerInvariant();

    /// <summary>Chinese unless the caller prefers English and there is an English name.</summary>
    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;
}

internal sealed class Category
{
    public required string Slug { get; init; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
}
