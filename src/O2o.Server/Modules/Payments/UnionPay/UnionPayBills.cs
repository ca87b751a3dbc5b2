using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments.UnionPay;

/// <summary>
/// The reconciliation file (file transfer: txnType 76, fileType 00, settleDate MMdd): fileContent is Base64 of a
/// zlib-deflated ZIP holding the merchant's fixed-width "INN…ZM_{merId}" file, one transaction a line, fields
/// separated by one space. Only the leading fields up to merId are read and written here.
/// </summary>
internal sealed class UnionPayBills(UnionPayClient client, IOptions<PaymentsOptions> options, TimeProvider clock) : IBillSource
{
    /// <summary>交易代码, 代理机构, 发送机构, 系统跟踪号, 交易传输时间, 账号, 交易金额, 商户类别, 终端类型, 查询流水号, 支付方式（旧）, 商户订单号, 支付卡类型,
    /// 原系统跟踪号, 原交易时间, 商户手续费, 结算金额, 支付方式, 集团商户代码, 交易类型, 交易子类, 业务类型, 账号类型, 账单类型, 账单号码, 交互方式, 原查询流水号, 商户代码.</summary>
    public static readonly int[] Widths = [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15];
    private const int Amount = 6, QueryId = 9, OrderId = 11, TxnTime = 4, TxnType = 19;

    public string Method => UnionPayGateway.Name;

    public bool IsAvailable => options.Value.UnionPay.IsConfigured;

    public async Task<Result<IReadOnlyList<BillLine>>> DownloadAsync(DateOnly day, CancellationToken ct)
    {
        var answer = await client.SendToAsync(client.FileDownloadUrl, new Dictionary<string, string>
        {
            ["txnType"] = "76", ["txnSubType"] = "01", ["bizType"] = "000000", ["fileType"] = "00",
            ["settleDate"] = day.ToString("MMdd", CultureInfo.InvariantCulture), ["txnTime"] = UnionPayProtocol.BeijingTime(clock.GetUtcNow()),
        }, ct);
        if (!answer.IsSuccess) return answer.Error!;
        if (!UnionPayProtocol.IsSuccess(answer.Value.GetValueOrDefault("respCode")) || answer.Value.GetValueOrDefault("fileContent") is not { } content)
            return PaymentsErrors.GatewayRefused($"file transfer respCode {answer.Value.GetValueOrDefault("respCode")}");
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(content)), CompressionMode.Decompress);
            using var zip = new MemoryStream();
            await zlib.CopyToAsync(zip, ct);
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            var file = archive.Entries.FirstOrDefault(e => e.Name.Contains("ZM_", StringComparison.Ordinal));
            if (file is null) return PaymentsErrors.GatewayUnavailable;
            using var reader = new StreamReader(file.Open(), Encoding.UTF8);
            return Parse(await reader.ReadToEndAsync(ct), day);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException) { return PaymentsErrors.GatewayUnavailable; }
    }

    public static List<BillLine> Parse(string text, DateOnly day) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(Fields).Where(f => f is not null).Select(f => f!).Select(f => new BillLine(UnionPayGateway.Name,
            f[TxnType] == "04" ? BillLine.RefundKind : BillLine.PaymentKind, PaymentNumbers.Parse(f[OrderId]), f[QueryId],
            long.Parse(f[Amount], CultureInfo.InvariantCulture),
            new DateTimeOffset(DateTime.ParseExact($"{day.Year}{f[TxnTime]}", "yyyyMMddHHmmss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).ToUniversalTime()))
        .ToList();

    private static string[]? Fields(string line)
    {
        var fields = new string[Widths.Length];
        var at = 0;
        for (var i = 0; i < Widths.Length; i++)
        {
            if (at + Widths[i] > line.Length) return null;
            fields[i] = line.Substring(at, Widths[i]).Trim();
            at += Widths[i] + 1;
        }
        return fields;
    }

    /// <summary>One line of the file, as the simulator writes it: each value padded to its width (numbers with zeros on the left).</summary>
    public static string Line(IReadOnlyList<string> values) =>
        string.Join(' ', Widths.Select((width, i) => i == Amount ? values[i].PadLeft(width, '0') : values[i].PadRight(width)[..width]));

    /// <summary>The whole answer's fileContent, as the simulator writes it: a ZIP of the file, zlib-deflated, Base64.</summary>
    public static string Pack(string fileName, string text)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry(fileName).Open(), Encoding.UTF8))
            writer.Write(text);
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(zip.ToArray());
        return Convert.ToBase64String(packed.ToArray());
    }
}
