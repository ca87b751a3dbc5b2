using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// What a verified gateway notification says. A payment notice carries the payment's amount; a refund notice
/// (<see cref="RefundId"/> set) carries the refunded amount.
/// </summary>
internal sealed record GatewayNotice(Guid PaymentId, string TradeNo, long AmountFen, string Currency, bool Succeeded, DateTimeOffset At)
{
    public Guid? RefundId { get; init; }
    /// <summary>Alipay's refund notices carry the total refunded so far rather than this refund's amount.</summary>
    public bool RefundAmountIsCumulative { get; init; }
    /// <summary>The merchant the gateway says it paid; null where the gateway's own signature already pins it.</summary>
    public string? Merchant { get; init; }
}

/// <summary>What the gateway answers when asked about a payment (the lost-notification path).</summary>
internal sealed record GatewayTrade(TradeState State, string? TradeNo, long AmountFen, DateTimeOffset? PaidAt);

internal enum TradeState { Pending, Paid, Closed }

internal enum RefundState { Processing, Succeeded, Failed }

/// <summary>A payment provider. Every adapter verifies every byte it receives and signs every request it sends.</summary>
internal interface IPaymentGateway
{
    string Method { get; }
    bool IsAvailable { get; }
    /// <summary>The <see cref="PaymentScene"/> kinds this gateway can start.</summary>
    IReadOnlyCollection<string> Scenes { get; }
    /// <summary>Scenes the gateway refuses without a <see cref="PaymentScene.ReturnUrl"/> (where the payer's browser goes back to).</summary>
    IReadOnlyCollection<string> ScenesNeedingReturnUrl => [];
    /// <summary>Opens the payment at the gateway; the action tells the payer what to scan or where to go.</summary>
    Task<Result<PaymentAction>> StartAsync(Payment payment, PaymentScene scene, CancellationToken ct);
    /// <summary>Checks signature, freshness and shape; never trusts anything it did not verify.</summary>
    Result<GatewayNotice> Verify(IReadOnlyDictionary<string, string> headers, string body);
    Task<Result<GatewayTrade>> QueryAsync(Payment payment, CancellationToken ct);
    /// <summary>Closes an unpaid payment at the gateway, so it can no longer be paid.</summary>
    Task<Error?> CloseAsync(Payment payment, CancellationToken ct);
    /// <summary>Asks the gateway to give back part or all of a payment; keyed by the refund's id, so a retry refunds once.</summary>
    Task<Result<RefundState>> RefundAsync(Payment payment, Refund refund, CancellationToken ct);
    /// <summary>Where a refund stands at the gateway (the lost-refund-notification path).</summary>
    Task<Result<RefundState>> QueryRefundAsync(Payment payment, Refund refund, CancellationToken ct);
    /// <summary>The answer the gateway expects to a notification (each gateway wants its own format).</summary>
    IResult Acknowledge(int status, string outcome);
}

internal static class PaymentsErrors
{
    public static readonly Error OrderNotFound = Error.NotFound("order_not_found", "The order");
    public static readonly Error PaymentNotFound = Error.NotFound("payment_not_found", "The payment");
    public static readonly Error MethodUnavailable = Error.Unprocessable("payment_method_unavailable", "This payment method is not configured on this platform.");
    public static readonly Error SandboxDisabled = Error.NotFound("not_found", "The sandbox gateway");
    public static readonly Error PaymentNotPending = Error.Conflict("payment_not_pending", "The payment is no longer pending.");
    public static readonly Error BadSignature = new("invalid_signature", 401, "Unauthorized", "The notification signature does not verify.");
    public static readonly Error UnknownSerial = new("unknown_certificate", 401, "Unauthorized", "The notification is signed with a key or certificate we do not know.");
    public static readonly Error StaleNotification = new("stale_notification", 401, "Unauthorized", "The notification timestamp is too old or in the future (replay).");
    public static readonly Error MalformedNotification = Error.Validation("body", "The notification body is not a valid notification.");
    public static readonly Error UndecryptableNotification = new("undecryptable_notification", 400, "Bad request", "The notification resource does not decrypt with our key.");
    public static readonly Error MerchantMismatch = new("merchant_mismatch", 400, "Bad request", "The notification is for another merchant or app.");
    public static readonly Error GatewayUnavailable = new("gateway_unavailable", 502, "Bad gateway", "The payment gateway did not answer as expected; try again.");
    public static readonly Error NotRefundable = Error.Conflict("payment_not_refundable", "Only a succeeded payment can be refunded.");
    public static readonly Error RefundExceedsPaid = Error.Conflict("refund_exceeds_paid", "The refund is larger than what is left of the payment.");
    public static readonly Error OrderNotPaid = Error.Conflict("order_not_paid", "The order has no succeeded payment to refund.");

    public static Error GatewayRefused(string detail) => new("gateway_refused", 502, "Bad gateway", $"The payment gateway refused the request: {detail}");
}
