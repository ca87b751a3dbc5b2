using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>What a verified gateway notification says about a payment.</summary>
internal sealed record GatewayNotice(Guid PaymentId, string TradeNo, long AmountFen, string Currency, bool Succeeded, DateTimeOffset At);

/// <summary>A payment provider: sandbox now, WeChat Pay, Alipay and UnionPay adapters later, all through the same notification path.</summary>
internal interface IPaymentGateway
{
    string Method { get; }
    bool IsAvailable { get; }
    PaymentAction Start(Payment payment);
    /// <summary>Checks signature, freshness and shape; never trusts anything it did not verify.</summary>
    Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body);
}

internal static class PaymentsErrors
{
    public static readonly Error OrderNotFound = Error.NotFound("order_not_found", "The order");
    public static readonly Error PaymentNotFound = Error.NotFound("payment_not_found", "The payment");
    public static readonly Error MethodUnavailable = Error.Unprocessable("payment_method_unavailable", "This payment method is not configured on this platform.");
    public static readonly Error SandboxDisabled = Error.NotFound("not_found", "The sandbox gateway");
    public static readonly Error PaymentNotPending = Error.Conflict("payment_not_pending", "The payment is no longer pending.");
    public static readonly Error BadSignature = new("invalid_signature", 401, "Unauthorized", "The notification signature does not verify.");
    public static readonly Error StaleNotification = new("stale_notification", 401, "Unauthorized", "The notification timestamp is too old or in the future (replay).");
    public static readonly Error MalformedNotification = Error.Validation("body", "The notification body is not a valid notification.");
}
