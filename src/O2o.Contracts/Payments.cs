namespace O2o.Contracts;

public sealed record StartPaymentRequest(string? Method);
public sealed record PaymentAction(string Type, string Value);
public sealed record PaymentStartedResponse(string PaymentId, string Status, PaymentAction Action, long AmountFen, string Currency);
public sealed record PaymentResponse(string PaymentId, string OrderId, string Method, long AmountFen, string Currency, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt);
