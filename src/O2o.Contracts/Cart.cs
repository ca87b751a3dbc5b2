namespace O2o.Contracts;

public sealed record AddCartItemRequest(string? ProductId, int? Quantity);
public sealed record SetCartItemRequest(int? Quantity);
public sealed record CartLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long LineTotalFen);
public sealed record CartResponse(CartLineResponse[] Lines, long SubtotalFen, string Currency = "CNY");
