namespace O2o.Contracts;

public sealed record CreateProductRequest(
    string? Sku, string? Name, string? NameEn, string? Description, string? DescriptionEn, string? Category,
    long? PriceFen, string[]? ImageUrls, string? MerchantId, string? Kind = null);

public sealed record ProductListItem(string Id, string Sku, string Name, string NameZh, string? NameEn, string? Category, long PriceFen, string? ImageUrl, int? Available);

public sealed record ProductPage(ProductListItem[] Items, int Total, int Page, int PageSize);

public sealed record ProductResponse(
    string Id, string MerchantId, string Sku, string Name, string NameZh, string? NameEn, string? Description, string? DescriptionEn,
    string? Category, long PriceFen, string Currency, string[] ImageUrls, string? StoreId, int? Available, string Kind = "goods");

public sealed record CategoryResponse(string Slug, string Name, string NameZh, string NameEn, int ProductCount);
