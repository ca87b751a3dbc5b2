namespace O2o.Contracts;

/// <summary>
/// The terms of a voucher product (团购券): each voucher gives <paramref name="Uses"/> uses worth <paramref name="FaceValueFen"/>
/// in all, at <paramref name="StoreIds"/>, until <paramref name="ValidUntil"/> or <paramref name="ValidDays"/> after purchase
/// (whichever comes first), sold until <paramref name="SalesEndAt"/>, at most <paramref name="PerCustomerLimit"/> per customer.
/// </summary>
public sealed record VoucherTermsRequest(int? Uses, long? FaceValueFen, string[]? StoreIds, DateTimeOffset? ValidUntil, int? ValidDays,
    DateTimeOffset? SalesEndAt, int? PerCustomerLimit);

public sealed record VoucherTermsResponse(string ProductId, int Uses, long FaceValueFen, string[] StoreIds, DateTimeOffset? ValidUntil, int? ValidDays,
    DateTimeOffset? SalesEndAt, int? PerCustomerLimit);

/// <summary>A voucher product on sale: price, what it is worth, where and how long it can be used (details at GET /api/products/{id}).</summary>
public sealed record VoucherOffer(string ProductId, string Name, string NameZh, string? NameEn, long PriceFen, long FaceValueFen,
    int Uses, string[] StoreIds, DateTimeOffset? ValidUntil, int? ValidDays, DateTimeOffset? SalesEndAt, int? PerCustomerLimit);

public sealed record PurchaseVouchersRequest(string? ProductId, int? Quantity, string? StoreId);

/// <summary>
/// One voucher: its code (show it as text or as a QR code of <paramref name="QrPayload"/>), the uses left, where and until when.
/// Status: active, used (no uses left), refunded (by the customer), expired (refunded automatically).
/// </summary>
public sealed record VoucherResponse(string Id, string Code, string QrPayload, string ProductId, string Name, string OrderId, int Uses, int RemainingUses,
    long PriceFen, long RefundedFen, string[] StoreIds, DateTimeOffset ValidUntil, string Status, DateTimeOffset IssuedAt, VoucherRedemptionView[] Redemptions);

public sealed record VoucherRedemptionView(string Id, string StoreId, int Uses, DateTimeOffset At);

public sealed record RedeemVoucherRequest(string? Code, int? Uses);

/// <summary>A redemption at the counter (核销): which voucher, how many uses, by whom, and what is left.</summary>
public sealed record RedemptionResponse(string Id, string VoucherId, string Code, string Name, string StoreId, string StaffId, int Uses, int RemainingUses,
    DateTimeOffset At);
