namespace O2o.Contracts;

public sealed record SetStockRequest(int? OnHand);

/// <summary><c>available</c> is what can be promised online: on hand − reserved − safety stock.</summary>
public sealed record StockResponse(string StoreId, string ProductId, int OnHand, int Reserved, int Available, int SafetyStock, int LowStockThreshold, int InTransit);

public sealed record StockSettingsRequest(int? SafetyStock, int? LowStockThreshold);

/// <summary>A change of on hand with its reason: negative for damaged, expired or lost units, positive for found ones.</summary>
public sealed record AdjustStockRequest(int? Quantity, string? Reason);

public sealed record LowStockItem(string ProductId, string Sku, string Name, int OnHand, int Reserved, int Available, int LowStockThreshold);

public sealed record TransferLineRequest(string? ProductId, int? Quantity);
public sealed record CreateTransferRequest(string? ToStoreId, TransferLineRequest[]? Lines, string? Note);
public sealed record TransferLineResponse(string ProductId, int Quantity);
public sealed record TransferResponse(string Id, string FromStoreId, string ToStoreId, string Status, TransferLineResponse[] Lines, string? Note,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

public sealed record StoreAvailability(string StoreId, string Name, string Address, double DistanceKm, bool OpenNow, int Available);

public sealed record LedgerEntryResponse(
    DateTimeOffset At, string Kind, int Quantity, int OnHandDelta, int ReservedDelta, int OnHandAfter, int ReservedAfter, string? Reference, string? Reason);

public sealed record StockMismatch(string StoreId, string ProductId, int OnHand, int LedgerOnHand, int Reserved, int LedgerReserved);

public sealed record ConsistencyReport(int Checked, bool Consistent, StockMismatch[] Mismatches);

public sealed record CounterLineRequest(string? ProductId, int? Quantity);
/// <summary><paramref name="MemberPhone"/>: the phone number of a member buying at the till, who then gets member prices and points.</summary>
public sealed record CounterSaleRequest(CounterLineRequest[]? Lines, string? MemberPhone = null);
public sealed record CounterReturnRequest(string? SaleId, CounterLineRequest[]? Lines);
public sealed record CounterSaleLineResponse(string ProductId, string Sku, string Name, int Quantity, long UnitPriceFen, long LineTotalFen, int ReturnedQuantity,
    long DiscountFen = 0, PriceAdjustmentResponse[]? Adjustments = null);
public sealed record CounterSaleResponse(string Id, string StoreId, CounterSaleLineResponse[] Lines, long TotalFen, string Currency, DateTimeOffset CreatedAt,
    long SubtotalFen = 0, long DiscountFen = 0, bool Member = false);
public sealed record CounterReturnLineResponse(string ProductId, int Quantity, long RefundFen);
public sealed record CounterReturnResponse(string Id, string SaleId, string StoreId, CounterReturnLineResponse[] Lines, long RefundFen, DateTimeOffset CreatedAt);

/// <summary>A low-stock alert of a store: <c>available</c> is now, <c>availableWhenRaised</c> when it fell to <c>threshold</c>.</summary>
public sealed record StockAlertResponse(string Id, string ProductId, string Sku, string Name, int Available, int AvailableWhenRaised, int Threshold,
    DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);
