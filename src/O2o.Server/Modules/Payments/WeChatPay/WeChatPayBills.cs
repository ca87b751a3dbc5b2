using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>
/// The trade bill (GET /v3/bill/tradebill, then its download_url): CSV whose values start with a backtick, amounts in
/// yuan, rows of SUCCESS payments and REFUND refunds, then two summary lines. Checked against the announced SHA-1.
/// </summary>
internal sealed class WeChatPayBills(WeChatPayClient client, IOptions<PaymentsOptions> options) : IBillSource
{
    public const string Header = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    public string Method => WeChatPayGateway.Name;

    public bool IsAvailable => options.Value.WeChatPay.IsConfigured;

    public async Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(DateOnly day, CancellationToken ct)
    {
        var asked = await client.SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={day:yyyy-MM-dd}&bill_type=ALL", null, ct);
        if (!asked.IsSuccess) return asked.Error!;
        if (asked.Value.Status != HttpStatusCode.OK) return PaymentsErrors.GatewayRefused($"tradebill {(int)asked.Value.Status}");
        var announced = JsonNode.Parse(asked.Value.Body);
        var url = announced?["download_url"]?.GetValue<string>();
        // Our signed request goes only to WeChat's own host.
        if (url is null || !url.StartsWith(client.BaseUrl + "/", StringComparison.Ordinal)) return PaymentsErrors.GatewayUnavailable;
        var file = await client.SendAsync(HttpMethod.Get, url[client.BaseUrl.Length..], null, ct, signedAnswer: false);
        if (!file.IsSuccess) return file.Error!;
        // WeChat announces the file's SHA-1; it is an integrity check against truncation, not a signature.
#pragma warning disable CA5350
        var sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(file.Value.Body)));
#pragma warning restore CA5350
        if (!string.Equals(sha1, announced!["hash_value"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase)) return PaymentsErrors.GatewayUnavailable;
        return Parse(file.Value.Body);
    }

    public static Result<IReadOnlyList<BillLine>> Parse(string csv)
    {
        try { return ParseRows(csv); }
        catch (FormatException) { return PaymentsErrors.GatewayUnavailable; }
    }

    private static Result<IReadOnlyList<BillLine>> ParseRows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != Header) return PaymentsErrors.GatewayUnavailable;
        var bill = new List<BillLine>();
        foreach (var line in lines.Skip(1).TakeWhile(l => l.StartsWith('`')))
        {
            var v = line.Split(',').Select(c => c.TrimStart('`')).ToArray();
            if (v.Length < 27) return PaymentsErrors.GatewayUnavailable;
            var at = DateTimeOffset.ParseExact(v[0] + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).ToUniversalTime();
            var refund = v[9] == "REFUND";
            var yuan = decimal.Parse(refund ? v[16] : v[12], CultureInfo.InvariantCulture);
            bill.Add(new BillLine(WeChatPayGateway.Name, refund ? BillLine.RefundKind : BillLine.PaymentKind,
                PaymentNumbers.Parse(refund ? v[15] : v[6]), refund ? v[14] : v[5], (long)(yuan * 100), at));
        }
        return bill;
    }

    /// <summary>The same format, written by the simulator.</summary>
    public static string Write(IEnumerable<(string Time, string AppId, string MchId, string TransactionId, string OutTradeNo, string State, long TotalFen,
        string RefundId, string OutRefundNo, long RefundFen)> rows)
    {
        static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        var text = new StringBuilder(Header).Append('\n');
        var list = rows.ToList();
        foreach (var r in list)
        {
            string[] values = [r.Time, r.AppId, r.MchId, "0", "", r.TransactionId, r.OutTradeNo, "oSimulatedPayer000000000000", "NATIVE", r.State, "OTHERS", "CNY",
                Yuan(r.TotalFen), "0.00", r.RefundId, r.OutRefundNo, Yuan(r.RefundFen), "0.00", r.RefundId.Length > 0 ? "ORIGINAL" : "", r.RefundId.Length > 0 ? "SUCCESS" : "",
                "O2O order", "", "0.00", "0.60%", Yuan(r.TotalFen), Yuan(r.RefundFen), ""];
            text.AppendJoin(',', values.Select(v => "`" + v)).Append('\n');
        }
        text.Append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n");
        text.Append(CultureInfo.InvariantCulture, $"`{list.Count},`{Yuan(list.Where(r => r.State != "REFUND").Sum(r => r.TotalFen))},`{Yuan(list.Sum(r => r.RefundFen))},`0.00,`0.00,`{Yuan(list.Where(r => r.State != "REFUND").Sum(r => r.TotalFen))},`{Yuan(list.Sum(r => r.RefundFen))}\n");
        return text.ToString();
    }
}
