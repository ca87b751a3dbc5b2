using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments.Alipay;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// A local Alipay gateway.do: verifies our RSA2-signed requests with the app's public key, answers with the signed
/// <c>…_response</c> object, and posts signed trade_status_sync notifications as a form.
/// </summary>
internal sealed class AlipaySimulator(IOptions<PaymentsOptions> options, SimulatorKeys keys, TimeProvider clock) : IDisposable
{
    private readonly Lazy<RSA> _alipayKey = new(() => GatewayKeys.LoadRsa(keys.AlipayPrivateKey));
    private readonly Lazy<RSA> _appPublic = new(() => GatewayKeys.PublicOf(options.Value.Alipay.AppPrivateKey!));

    public SimulatedTrades Books { get; } = new(clock, "2026", "");
    public AlipayOptions Merchant => options.Value.Alipay;
    public bool IsEnabled => Merchant.Simulated;

    // 0: none; 1: fail without refunding; 2: refund, then fail the answer.
    private int _nextRefundFailure;

    /// <summary>
    /// Scenario: the next refund request answers 20000 ACQ.SYSTEM_ERROR, as Alipay does when it cannot say whether the
    /// refund took effect; <paramref name="refundedAnyway"/> decides whether it did (only the refund query can tell).
    /// </summary>
    public void FailNextRefund(bool refundedAnyway) => Volatile.Write(ref _nextRefundFailure, refundedAnyway ? 2 : 1);

    /// <summary>Null when the next refund goes normally; otherwise whether it takes effect behind the failed answer.</summary>
    public bool? TakeRefundFailure() => Interlocked.Exchange(ref _nextRefundFailure, 0) switch { 1 => false, 2 => true, _ => null };

    /// <summary>Why a request is refused (Alipay's sub_code), or null when it is the app's, correctly signed and recent.</summary>
    public string? RejectRequest(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("app_id") != Merchant.AppId) return "isv.invalid-app-id";
        if (form.GetValueOrDefault("sign_type") != "RSA2" || form.GetValueOrDefault("charset") != "utf-8") return "isv.invalid-signature-type";
        if (AlipayProtocol.ParseBeijingTime(form.GetValueOrDefault("timestamp")) is not { } at || (clock.GetUtcNow() - at).Duration() > TimeSpan.FromMinutes(15))
            return "isv.invalid-timestamp";
        var content = AlipayProtocol.SignContent(form!, isNotification: false);
        return GatewayKeys.VerifySha256(_appPublic.Value, content, form.GetValueOrDefault("sign")) ? null : "isv.invalid-signature";
    }

    /// <summary>The answer as Alipay writes it: the response object's exact text, then its signature.</summary>
    public string Answer(string method, JsonObject response)
    {
        var text = response.ToJsonString();
        var sign = GatewayKeys.SignSha256(_alipayKey.Value, text);
        return $"{{\"{AlipayProtocol.ResponseKey(method)}\":{text},\"sign\":\"{sign}\"}}";
    }

    public static string TradeStatus(SimulatedTrade t) => t.State switch
    {
        SimulatedState.Paid => t.Refunded == t.Total ? "TRADE_CLOSED" : "TRADE_SUCCESS",
        SimulatedState.Closed => "TRADE_CLOSED",
        _ => "WAIT_BUYER_PAY",
    };

    public SimulatorNotification? Pay(string outTradeNo) => Books.Pay(outTradeNo) is { } trade ? Notify(trade, "TRADE_SUCCESS") : null;

    /// <summary>The refund period ended: Alipay says TRADE_FINISHED, possibly months after TRADE_SUCCESS.</summary>
    public SimulatorNotification? Finish(string outTradeNo) =>
        Books.Find(outTradeNo) is { State: SimulatedState.Paid } trade ? Notify(trade, "TRADE_FINISHED") : null;

    public SimulatorNotification? RefundNotification(string outRequestNo)
    {
        if (Books.FindRefund(outRequestNo) is not { Succeeded: true } refund || Books.Find(refund.OutTradeNo) is not { } trade) return null;
        return Notify(trade, TradeStatus(trade), new Dictionary<string, string>
        {
            ["out_biz_no"] = refund.OutRefundNo, ["refund_fee"] = AlipayProtocol.Yuan(trade.Refunded),
            ["gmt_refund"] = AlipayProtocol.BeijingTime(refund.SucceededAt!.Value) + ".000",
        });
    }

    public SimulatorNotification Notify(SimulatedTrade trade, string status, IReadOnlyDictionary<string, string>? extra = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["gmt_create"] = AlipayProtocol.BeijingTime(trade.PaidAt ?? clock.GetUtcNow()), ["charset"] = "utf-8", ["seller_id"] = Merchant.SellerId!,
            ["subject"] = "O2O 订单", ["buyer_id"] = "2088102534368455", ["invoice_amount"] = AlipayProtocol.Yuan(trade.Total),
            ["notify_id"] = Guid.NewGuid().ToString("N"), ["notify_type"] = "trade_status_sync", ["trade_status"] = status,
            ["receipt_amount"] = AlipayProtocol.Yuan(trade.Total), ["buyer_pay_amount"] = AlipayProtocol.Yuan(trade.Total), ["sign_type"] = "RSA2",
            ["app_id"] = Merchant.AppId!, ["gmt_payment"] = AlipayProtocol.BeijingTime(trade.PaidAt ?? clock.GetUtcNow()),
            ["notify_time"] = AlipayProtocol.BeijingTime(clock.GetUtcNow()), ["version"] = "1.0", ["out_trade_no"] = trade.OutTradeNo,
            ["total_amount"] = AlipayProtocol.Yuan(trade.Total), ["trade_no"] = trade.TradeNo ?? "", ["auth_app_id"] = Merchant.AppId!,
            ["buyer_logon_id"] = "pay***@example.com", ["point_amount"] = "0.00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) fields[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) fields[key] = value;
        fields["sign"] = GatewayKeys.SignSha256(_alipayKey.Value, AlipayProtocol.SignContent(fields!, isNotification: true));
        return new SimulatorNotification([], GatewayForms.FormBody(fields), "application/x-www-form-urlencoded");
    }

    public static JsonObject TradeJson(SimulatedTrade t) => new()
    {
        ["code"] = "10000", ["msg"] = "Success", ["trade_no"] = t.TradeNo, ["out_trade_no"] = t.OutTradeNo, ["buyer_logon_id"] = "pay***@example.com",
        ["trade_status"] = TradeStatus(t), ["total_amount"] = AlipayProtocol.Yuan(t.Total),
        ["send_pay_date"] = t.PaidAt is { } at ? AlipayProtocol.BeijingTime(at) : null,
    };

    /// <summary>The trade bill of one Beijing day: Alipay's ZIP of the GBK detail CSV.</summary>
    public byte[] Bill(DateOnly day)
    {
        bool OnDay(DateTimeOffset? at) => at is { } t && DateOnly.FromDateTime(t.ToOffset(AlipayProtocol.Beijing).DateTime) == day;
        var payments = Books.Trades.Where(t => t.State == SimulatedState.Paid && OnDay(t.PaidAt))
            .Select(t => (t.TradeNo!, t.OutTradeNo, false, AlipayProtocol.BeijingTime(t.PaidAt!.Value), AlipayProtocol.BeijingTime(t.PaidAt!.Value), t.Total, ""));
        var refunds = Books.Refunds.Where(r => r.Succeeded && OnDay(r.SucceededAt)).Select(r => (Books.Find(r.OutTradeNo)!.TradeNo!, r.OutTradeNo, true,
            AlipayProtocol.BeijingTime(r.SucceededAt!.Value), AlipayProtocol.BeijingTime(r.SucceededAt!.Value), r.Amount, r.OutRefundNo));
        return AlipayBills.Write(Merchant.SellerId!, day, payments.Concat(refunds).OrderBy(r => r.Item4, StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (_alipayKey.IsValueCreated) _alipayKey.Value.Dispose();
        if (_appPublic.IsValueCreated) _appPublic.Value.Dispose();
    }
}
