namespace O2o.Contracts;

public sealed record SetStockRequest(int? OnHand);

public sealed record StockResponse(string StoreId, string ProductId, int OnHand, int Reserved, int Available);

public sealed record LedgerEntryResponse(
    DateTimeOffset At, string Kind, int Quantity, int OnHandDelta, int ReservedDelta, int OnHandAfter, int ReservedAfter, string? Reference, string? Reason);

public sealed record StockMismatch(string StoreId, string ProductId, int OnHand, int LedgerOnHand, int Reserved, int LedgerReserved);

public sealed record ConsistencyReport(int Checked, bool Consistent, StockMismatch[] Mismatches);

public sealed record CounterLineRequest(string? ProductId, int? Quantity);
public sealed record CounterSaleRequest(CounterLineRequest[]? Lines);
public sealed record CounterReturnRequest(string? SaleId, CounterLineRequest[]? Lines);
public sealed record CounterSaleLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long LineTotalFen, int ReturnedQuantity);
public sealed record CounterSaleResponse(string Id, string StoreId, CounterSaleLineResponse[] Lines, long TotalFen, string Currency, DateTimeOffset CreatedAt);
public sealed record CounterReturnLineResponse(string ProductId, int Quantity, long RefundFen);
public sealed record CounterReturnResponse(string Id, string SaleId, string StoreId, CounterReturnLineResponse[] Lines, long RefundFen, DateTimeOffset CreatedAt);
