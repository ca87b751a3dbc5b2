using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments.UnionPay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// A local UnionPay gateway (5.1.0, signMethod 01): verifies our requests with the merchant's public key, answers and
/// notifies with its own signing certificate inside each message (signPubKeyCert), as UnionPay does.
/// </summary>
internal sealed class UnionPaySimulator(IOptions<PaymentsOptions> options, SimulatorKeys keys, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _requests = new();
    private readonly Lazy<RSA> _merchantPublic = new(() => GatewayKeys.PublicOf(options.Value.UnionPay.MerchantPrivateKey!));

    public SimulatedTrades Books { get; } = new(clock, "7", "8");
    public UnionPayOptions Merchant => options.Value.UnionPay;
    public bool IsEnabled => Merchant.Simulated;

    /// <summary>Why a request is refused (a UnionPay respCode), or null when it is signed by our merchant's certificate.</summary>
    public string? RejectRequest(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("version") != UnionPayProtocol.Version || form.GetValueOrDefault("signMethod") != "01") return "10";
        if (form.GetValueOrDefault("merId") != Merchant.MerId || form.GetValueOrDefault("certId") != Merchant.SignCertId) return "11";
        return UnionPayProtocol.Verify(_merchantPublic.Value, form) ? null : "11";
    }

    /// <summary>Remembers what a transaction was opened with (txnTime, reqReserved), to be echoed as UnionPay does.</summary>
    public void Remember(string orderId, IReadOnlyDictionary<string, string> request) => _requests[orderId] = request;

    public IReadOnlyDictionary<string, string>? Request(string orderId) => _requests.GetValueOrDefault(orderId);

    /// <summary>Adds signPubKeyCert and the signature, as every answer and notification from UnionPay carries them.</summary>
    public Dictionary<string, string> Signed(Dictionary<string, string> fields)
    {
        fields["version"] = UnionPayProtocol.Version;
        fields["encoding"] = "UTF-8";
        fields["signMethod"] = "01";
        fields["merId"] = fields.GetValueOrDefault("merId") ?? Merchant.MerId!;
        fields["signPubKeyCert"] = keys.UnionPayCertificates.SignerPem;
        fields.Remove("signature");
        fields["signature"] = UnionPayProtocol.Sign(keys.UnionPayCertificates.SignerKey, fields);
        return fields;
    }

    public SimulatorNotification? Pay(string orderId) =>
        Books.Pay(orderId) is { } trade && Request(orderId) is { } opened ? Notify(trade, opened, "01", orderId, trade.Total) : null;

    public SimulatorNotification? CompleteRefund(string refundOrderId)
    {
        if (Books.CompleteRefund(refundOrderId) is not { } refund || Books.Find(refund.OutTradeNo) is not { } trade || Request(refundOrderId) is not { } asked) return null;
        return Notify(trade, asked, "04", refundOrderId, refund.Amount, refund.RefundNo);
    }

    public SimulatorNotification Notify(SimulatedTrade trade, IReadOnlyDictionary<string, string> request, string txnType, string orderId, long amount,
        string? queryId = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var now = clock.GetUtcNow();
        var fields = new Dictionary<string, string>
        {
            ["txnType"] = txnType, ["txnSubType"] = request.GetValueOrDefault("txnSubType") ?? "00", ["bizType"] = request.GetValueOrDefault("bizType") ?? "000000",
            ["accessType"] = "0", ["orderId"] = orderId, ["txnTime"] = request.GetValueOrDefault("txnTime") ?? UnionPayProtocol.BeijingTime(now),
            ["txnAmt"] = amount.ToString(CultureInfo.InvariantCulture), ["currencyCode"] = "156", ["queryId"] = queryId ?? trade.TradeNo!,
            ["traceNo"] = RandomNumberGenerator.GetString("0123456789", 6), ["traceTime"] = now.ToOffset(TimeSpan.FromHours(8)).ToString("MMddHHmmss", CultureInfo.InvariantCulture),
            ["settleAmt"] = amount.ToString(CultureInfo.InvariantCulture), ["settleCurrencyCode"] = "156",
            ["settleDate"] = now.ToOffset(TimeSpan.FromHours(8)).ToString("MMdd", CultureInfo.InvariantCulture),
            ["respCode"] = "00", ["respMsg"] = "成功[0000000]",
        };
        foreach (var key in new[] { "reqReserved", "origQryId" })
            if (request.TryGetValue(key, out var value)) fields[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) fields[key] = value;
        return new SimulatorNotification([], GatewayForms.FormBody(Signed(fields)), "application/x-www-form-urlencoded");
    }

    /// <summary>The reconciliation file of one settlement day (MMdd of this Beijing year): the fixed-width ZM file, packed as file transfer answers it.</summary>
    public (string FileName, string Content)? Bill(string settleDate)
    {
        var year = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        if (!DateOnly.TryParseExact($"{year}{settleDate}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        static string Local(DateTimeOffset at, string format) => at.ToOffset(TimeSpan.FromHours(8)).ToString(format, CultureInfo.InvariantCulture);
        bool OnDay(DateTimeOffset? at) => at is { } t && Local(t, "yyyyMMdd") == day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string Line(string code, DateTimeOffset at, long amount, string queryId, string orderId, string txnType, string origQryId) =>
            UnionPayBills.Line([code, "00000000000", "00000000000", "000001", Local(at, "MMddHHmmss"), "6216261000000000018", amount.ToString(CultureInfo.InvariantCulture),
                "5411", "08", queryId, "00", orderId, "01", "", "", "0", amount.ToString(CultureInfo.InvariantCulture), "0001", "", txnType, "00", "000000", "01",
                "", "", "0", origQryId, Merchant.MerId!]);
        var lines = Books.Trades.Where(t => t.State == SimulatedState.Paid && OnDay(t.PaidAt))
            .Select(t => Line("S22", t.PaidAt!.Value, t.Total, t.TradeNo!, t.OutTradeNo, "01", ""))
            .Concat(Books.Refunds.Where(r => r.Succeeded && OnDay(r.SucceededAt))
                .Select(r => Line("S30", r.SucceededAt!.Value, r.Amount, r.RefundNo, r.OutRefundNo, "04", Books.Find(r.OutTradeNo)!.TradeNo!)));
        var name = $"INN{day:yyMMdd}88ZM_{Merchant.MerId}";
        return (name + ".zip", UnionPayBills.Pack(name, string.Join('\n', lines) + "\n"));
    }

    public void Dispose()
    {
        if (_merchantPublic.IsValueCreated) _merchantPublic.Value.Dispose();
    }
}
