namespace O2o.Contracts;

public sealed record CreateFlashSaleRequest(
    string? ProductId, string[]? StoreIds, long? PriceFen, int? Quantity, int? PerCustomerLimit, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

public sealed record FlashSaleResponse(
    string Id, string ProductId, string[] StoreIds, long PriceFen, long RegularPriceFen, int Quantity, int Remaining, int PerCustomerLimit,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

public sealed record FlashSaleOrderRequest(int? Quantity, FulfillmentDto? Fulfillment);
