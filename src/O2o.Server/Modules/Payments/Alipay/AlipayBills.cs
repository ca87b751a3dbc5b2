using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.Alipay;

/// <summary>
/// The trade bill (alipay.data.dataservice.bill.downloadurl.query, bill_type trade): a ZIP holding the GBK CSV
/// "业务明细", '#' comment lines around a header and rows of 交易 (payments) and 退款 (refunds, negative), amounts in yuan.
/// </summary>
internal sealed class AlipayBills(AlipayClient client, IHttpClientFactory clients, IOptions<PaymentsOptions> options) : IBillSource
{
    public const string Header = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    static AlipayBills() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding("GBK");

    public string Method => AlipayGateway.Name;

    public bool IsAvailable => options.Value.Alipay.IsConfigured;

    public async Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(DateOnly day, CancellationToken ct)
    {
        var answer = await client.CallAsync("alipay.data.dataservice.bill.downloadurl.query",
            new JsonObject { ["bill_type"] = "trade", ["bill_date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (answer.Value["code"]?.GetValue<string>() != "10000" || answer.Value["bill_download_url"]?.GetValue<string>() is not { } url)
            return PaymentsErrors.GatewayRefused($"bill {answer.Value["sub_code"]?.GetValue<string>()}");
        byte[] zip;
        try { zip = await clients.CreateClient(PublicAddress.ClientName).GetByteArrayAsync(new Uri(url), ct); }
        catch (HttpRequestException) { return PaymentsErrors.GatewayUnavailable; }
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var detail = archive.Entries.FirstOrDefault(e => e.Name.EndsWith("业务明细.csv", StringComparison.Ordinal));
            if (detail is null) return PaymentsErrors.GatewayUnavailable;
            using var reader = new StreamReader(detail.Open(), Gbk);
            return Parse(await reader.ReadToEndAsync(ct));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException) { return PaymentsErrors.GatewayUnavailable; }
    }

    public static List<BillLine> Parse(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(l => l != Header).Skip(1).TakeWhile(l => !l.StartsWith('#'));
        return rows.Select(l => l.Split(',')).Where(v => v.Length >= 25).Select(v =>
        {
            var refund = v[2] == "退款";
            var at = DateTimeOffset.ParseExact(v[5] + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).ToUniversalTime();
            var fen = Math.Abs((long)(decimal.Parse(v[11], CultureInfo.InvariantCulture) * 100));
            return new BillLine(AlipayGateway.Name, refund ? BillLine.RefundKind : BillLine.PaymentKind, PaymentNumbers.Parse(refund ? v[21] : v[1]), v[0], fen, at);
        }).ToList();
    }

    /// <summary>The same file, written by the simulator: the detail CSV in GBK inside a ZIP.</summary>
    public static byte[] Write(string sellerId, DateOnly day, IEnumerable<(string TradeNo, string OutTradeNo, bool Refund, string Created, string Finished, long Fen, string RequestNo)> rows)
    {
        static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append("#支付宝业务明细查询\n").Append(CultureInfo.InvariantCulture, $"#账号：[{sellerId}]\n")
            .Append(CultureInfo.InvariantCulture, $"#起始日期：[{day:yyyy年MM月dd日} 00:00:00]   终止日期：[{day.AddDays(1):yyyy年MM月dd日} 00:00:00]\n")
            .Append("#-----------------------------------------业务明细列表----------------------------------------\n").Append(Header).Append('\n');
        var list = rows.ToList();
        foreach (var r in list)
        {
            var signed = r.Refund ? -r.Fen : r.Fen;
            text.AppendJoin(',', [r.TradeNo, r.OutTradeNo, r.Refund ? "退款" : "交易", "O2O order", r.Created, r.Finished, "", "", "", "", "pay***@example.com",
                Yuan(signed), Yuan(signed), "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", r.RequestNo, "0.00", "0.00", ""]).Append('\n');
        }
        text.Append("#-----------------------------------------业务明细列表结束------------------------------------\n")
            .Append(CultureInfo.InvariantCulture, $"#交易合计：{list.Count(r => !r.Refund)}笔，商家实收共{Yuan(list.Where(r => !r.Refund).Sum(r => r.Fen))}元\n")
            .Append(CultureInfo.InvariantCulture, $"#退款合计：{list.Count(r => r.Refund)}笔，商家实收退款共{Yuan(list.Where(r => r.Refund).Sum(r => -r.Fen))}元\n");
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry($"{sellerId}_{day:yyyyMMdd}_业务明细.csv").Open(), Gbk);
            entry.Write(text.ToString());
        }
        return buffer.ToArray();
    }
}
