namespace O2o.Contracts;

/// <summary>
/// <paramref name="Scene"/> picks the payment product: qr (default), jsapi (WeChat in-app browser or mini program, needs
/// <paramref name="OpenId"/>), h5 (WeChat from a mobile browser, needs <paramref name="PayerClientIp"/>; <paramref name="H5Type"/> Wap, iOS or Android).
/// <paramref name="ReturnUrl"/> is where the payer's browser comes back to after paying (h5, page, wap).
/// </summary>
public sealed record StartPaymentRequest(string? Method, string? Scene = null, string? OpenId = null, string? PayerClientIp = null, string? H5Type = null, string? ReturnUrl = null);
/// <summary>Type qr (show Value as a QR code), redirect (open Value) or jsapi (pass Parameters to wx.requestPayment).</summary>
public sealed record PaymentAction(string Type, string Value, IReadOnlyDictionary<string, string>? Parameters = null);
public sealed record PaymentStartedResponse(string PaymentId, string Status, PaymentAction Action, long AmountFen, string Currency);
public sealed record PaymentResponse(string PaymentId, string OrderId, string Method, long AmountFen, string Currency, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record RefundRequest(long? AmountFen, string? Reason);
public sealed record RefundResponse(string RefundId, string PaymentId, string OrderId, long AmountFen, string Status, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record OrderPaymentView(string PaymentId, string Method, long AmountFen, long RefundedFen, string Currency, string Status, string? GatewayTradeNo, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record OrderPaymentsResponse(string OrderId, IReadOnlyList<OrderPaymentView> Payments, IReadOnlyList<RefundResponse> Refunds);
/// <summary>One notification as received, with what became of it; <paramref name="Flagged"/> when it was refused or needs review.</summary>
public sealed record NotificationAuditView(string Id, string Gateway, DateTimeOffset ReceivedAt, string? PaymentId, string Outcome, bool Flagged, string Headers, string Body);
