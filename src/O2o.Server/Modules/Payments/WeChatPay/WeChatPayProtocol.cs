using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>
/// The byte-exact rules of WeChat Pay API v3 (../shared/docs/payments.md §1): the five-line request message, the
/// three-line response/notification message, the Authorization header and AEAD_AES_256_GCM resources.
/// Shared by the adapter and its simulator so both sides speak exactly the same protocol.
/// </summary>
internal static class WeChatPayProtocol
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";
    /// <summary>WeChat's deliberate probe traffic carries signatures with this prefix; they must be rejected.</summary>
    public const string ProbePrefix = "WECHATPAY/SIGNTEST/";

    public static string RequestMessage(string method, string canonicalUrl, long timestamp, string nonce, string body) =>
        $"{method}\n{canonicalUrl}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{nonce}\n{body}\n";

    public static string ResponseMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    /// <summary>The mini-program/JSAPI paySign message: appId, timeStamp, nonceStr, package, each on its own line.</summary>
    public static string PaySignMessage(string appId, string timestamp, string nonce, string package) => $"{appId}\n{timestamp}\n{nonce}\n{package}\n";

    public static string Authorization(string mchId, string nonce, string signature, long timestamp, string serialNo) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp.ToString(CultureInfo.InvariantCulture)}\",serial_no=\"{serialNo}\"";

    /// <summary>The key="value" pairs of an Authorization header, in any order; null when it is not one of ours.</summary>
    public static Dictionary<string, string>? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal)) return null;
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Scheme.Length + 1)..].Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return null;
            var value = part[(eq + 1)..].Trim();
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return null;
            pairs[part[..eq].Trim()] = value[1..^1];
        }
        return pairs;
    }

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Decrypts a notification resource; null when the key, nonce, associated data or tag do not match.</summary>
    public static string? Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (key.Length != 32 || nonceBytes.Length != 12 || ciphertextBase64.Length > 64 * 1024) return null;
        var buffer = new byte[ciphertextBase64.Length];
        if (!Convert.TryFromBase64String(ciphertextBase64, buffer, out var written) || written < 16) return null;
        var sealedBytes = buffer.AsSpan(0, written);
        var plain = new byte[written - 16];
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(nonceBytes, sealedBytes[..^16], sealedBytes[^16..], plain, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (CryptographicException) { return null; }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The other direction, for the simulator: ciphertext with the 16-byte tag appended, Base64.</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plainText)
    {
        var plain = Encoding.UTF8.GetBytes(plainText);
        var output = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }
}
