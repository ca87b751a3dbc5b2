using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>Raised in the transaction that settles a payment as succeeded (once per payment).</summary>
public sealed record PaymentSucceeded(Guid PaymentId, Guid OrderId, string Method, long AmountFen, string Currency, DateTimeOffset At) : IDomainEvent;

/// <summary>Raised in the transaction that confirms a refund (once per refund); the money has left through the original method.</summary>
public sealed record PaymentRefunded(Guid RefundId, Guid PaymentId, Guid OrderId, string Method, long AmountFen, long PaymentAmountFen, DateTimeOffset At) : IDomainEvent;
