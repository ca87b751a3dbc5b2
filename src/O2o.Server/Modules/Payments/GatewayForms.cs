namespace O2o.Server.Modules.Payments;

/// <summary>application/x-www-form-urlencoded as Alipay and UnionPay post their notifications, and UnionPay's raw k=v answers.</summary>
internal static class GatewayForms
{
    /// <summary>A form body as gateways post it: values URL-encoded once, UTF-8.</summary>
    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>A form body's fields, each value URL-decoded exactly once; null when a key repeats or the form is malformed.</summary>
    public static Dictionary<string, string>? ParseForm(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return null;
            try
            {
                if (!fields.TryAdd(Uri.UnescapeDataString(pair[..eq].Replace('+', ' ')), Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')))) return null;
            }
            catch (UriFormatException) { return null; }
        }
        return fields;
    }

    /// <summary>UnionPay's synchronous answers are k=v pairs joined by '&amp;' with raw values (a PEM certificate included); split at the first '='.</summary>
    public static Dictionary<string, string> ParseRaw(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) fields[pair[..eq]] = pair[(eq + 1)..];
        }
        return fields;
    }

    public static string RawBody(IEnumerable<KeyValuePair<string, string>> fields) => string.Join('&', fields.Select(f => $"{f.Key}={f.Value}"));
}
