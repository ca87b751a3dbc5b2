using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace O2o.Server.Modules.Payments.UnionPay;

/// <summary>
/// The byte-exact rules of the UnionPay online gateway 5.1.0 with signMethod 01 (../shared/docs/payments.md §3):
/// sorted k=v content without <c>signature</c>, its SHA-256 as lowercase hex, and RSA-SHA256 over those hex characters.
/// </summary>
internal static class UnionPayProtocol
{
    public const string Version = "5.1.0";
    public const string TimeFormat = "yyyyMMddHHmmss";

    public static string SignContent(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Where(f => f.Key != "signature" && !string.IsNullOrWhiteSpace(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value.Trim()}"));

    /// <summary>The double hash: RSA signs the 64 lowercase hex characters of the content's SHA-256, not the digest.</summary>
    public static string Digest(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static string Sign(RSA key, IEnumerable<KeyValuePair<string, string>> fields) =>
        Convert.ToBase64String(key.SignData(Encoding.ASCII.GetBytes(Digest(SignContent(fields))), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, IReadOnlyDictionary<string, string> fields) =>
        GatewayKeys.VerifySha256(key, Digest(SignContent(fields)), fields.GetValueOrDefault("signature"));

    /// <summary>signMethod 11: hex SHA-256 of the content, '&amp;', and the hex SHA-256 of the secure key.</summary>
    public static string SecureKeySignature(IEnumerable<KeyValuePair<string, string>> fields, string secureKey) =>
        Digest(SignContent(fields) + "&" + Digest(secureKey));

    public static string BeijingTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseBeijingTime(string? text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime() : null;

    public static bool IsSuccess(string? respCode) => respCode is "00" or "A6";

    public static bool IsUnknown(string? respCode) => respCode is "03" or "04" or "05";
}
