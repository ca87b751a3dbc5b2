using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>Raised in the transaction that settles a payment as succeeded (once per payment).</summary>
public sealed record PaymentSucceeded(Guid PaymentId, Guid OrderId, string Method, long AmountFen, string Currency, DateTimeOffset At) : IDomainEvent;

/// <summary>Raised in the transaction that confirms a refund (once per refund); the money has left through the original method.</summary>
public sealed record PaymentRefunded(Guid RefundId, Guid PaymentId, Guid OrderId, string Method, long AmountFen, long PaymentAmountFen, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// Published by another module in its own transaction to give back part of an order's payment through its original
/// method (an unused voucher, a failed group buy); Payments refunds it after commit, never above what was paid.
/// <paramref name="RefundId"/> becomes the refund's number at the gateway, so a redelivered request refunds once.
/// </summary>
public sealed record RefundRequested(Guid RefundId, Guid OrderId, long AmountFen, string Reason, string Source) : IDomainEvent;

/// <summary>One line of a gateway's bill: a payment or a refund it settled, named by our own number, in fen.</summary>
public sealed record BillLine(string Method, string Kind, Guid Id, string GatewayNo, long AmountFen, DateTimeOffset At)
{
    public const string PaymentKind = "payment";
    public const string RefundKind = "refund";
}

/// <summary>The gateways' settlement/bill files, downloaded and read in each gateway's own format.</summary>
public interface IPaymentBills
{
    /// <summary>The methods whose bills can be fetched here (configured gateways that publish bills).</summary>
    IReadOnlyList<string> Methods { get; }
    /// <summary>The bill of one Beijing calendar day.</summary>
    Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(string method, DateOnly day, CancellationToken ct);
}
