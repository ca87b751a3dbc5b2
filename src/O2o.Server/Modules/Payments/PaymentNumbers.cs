namespace O2o.Server.Modules.Payments;

/// <summary>
/// Our out_trade_no, out_refund_no, out_request_no and orderId at every gateway: the id in 32 hex digits, which fits
/// every gateway's alphabet and length. A number we never issued maps to Guid.Empty, which matches nothing.
/// </summary>
internal static class PaymentNumbers
{
    public static string Of(Guid id) => id.ToString("N");

    public static Guid Parse(string? number) => Guid.TryParseExact(number, "N", out var id) ? id : Guid.Empty;
}
