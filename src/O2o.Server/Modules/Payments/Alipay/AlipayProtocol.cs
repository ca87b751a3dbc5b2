using System.Globalization;

namespace O2o.Server.Modules.Payments.Alipay;

/// <summary>
/// The byte-exact rules of Alipay OpenAPI 2.0 with RSA2 (../shared/docs/payments.md §2): sorted k=v sign content with
/// raw values, <c>sign_type</c> signed in requests but not in notifications, and the response's raw JSON substring.
/// </summary>
internal static class AlipayProtocol
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Every non-empty parameter except <c>sign</c> (and, for notifications, <c>sign_type</c>), ordinal order, joined raw.</summary>
    public static string SignContent(IEnumerable<KeyValuePair<string, string?>> parameters, bool isNotification) =>
        string.Join('&', parameters
            .Where(p => p.Key != "sign" && !(isNotification && p.Key == "sign_type") && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The JSON key of a method's answer: alipay.trade.query → alipay_trade_query_response.</summary>
    public static string ResponseKey(string method) => method.Replace('.', '_') + "_response";

    /// <summary>The raw text of the object under <paramref name="key"/> (first '{' to its matching '}'), which is what Alipay signs.</summary>
    public static string? ExtractSigned(string raw, string key)
    {
        var at = raw.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = raw.IndexOf('{', at + key.Length + 2);
        if (start < 0) return null;
        var depth = 0;
        var inString = false;
        for (var i = start; i < raw.Length; i++)
        {
            var c = raw[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return raw[start..(i + 1)];
        }
        return null;
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A yuan amount with at most two decimals, in fen; null when it is not one.</summary>
    public static long? Fen(string? yuan)
    {
        if (yuan is null || yuan.Length > 16 || !decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        var fen = value * 100;
        return fen == decimal.Truncate(fen) ? (long)fen : null;
    }

    public static string BeijingTime(DateTimeOffset at) => at.ToOffset(Beijing).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseBeijingTime(string? text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Beijing).ToUniversalTime() : null;

}
