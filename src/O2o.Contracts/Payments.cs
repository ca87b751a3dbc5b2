namespace O2o.Contracts;

public sealed record StartPaymentRequest(string? Method);
public sealed record PaymentAction(string Type, string Value);
public sealed record PaymentStartedResponse(string PaymentId, string Status, PaymentAction Action, long AmountFen, string Currency);
public sealed record PaymentResponse(string PaymentId, string OrderId, string Method, long AmountFen, string Currency, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record RefundRequest(long? AmountFen, string? Reason);
public sealed record RefundResponse(string RefundId, string PaymentId, string OrderId, long AmountFen, string Status, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record OrderPaymentView(string PaymentId, string Method, long AmountFen, long RefundedFen, string Currency, string Status, string? GatewayTradeNo, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
public sealed record OrderPaymentsResponse(string OrderId, IReadOnlyList<OrderPaymentView> Payments, IReadOnlyList<RefundResponse> Refunds);
