using System.Security.Cryptography;
using System.Text;

namespace O2o.Server.Modules.Payments;

/// <summary>Key material from configuration: PEM text or a path to a PEM file. Keys are never logged.</summary>
internal static class GatewayKeys
{
    public static RSA LoadRsa(string pemOrPath)
    {
        var pem = pemOrPath.Contains("-----BEGIN", StringComparison.Ordinal) ? pemOrPath : File.ReadAllText(pemOrPath);
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    public static string SignSha256(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>The public half of a configured private key: what the gateway (here its simulator) holds of the merchant.</summary>
    public static RSA PublicOf(string privatePemOrPath)
    {
        using var key = LoadRsa(privatePemOrPath);
        return LoadRsa(key.ExportSubjectPublicKeyInfoPem());
    }

    public static bool VerifySha256(RSA key, string message, string? signatureBase64)
    {
        if (string.IsNullOrEmpty(signatureBase64) || signatureBase64.Length > 2048) return false;
        var buffer = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, buffer, out var written)) return false;
        try { return key.VerifyData(Encoding.UTF8.GetBytes(message), buffer.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); }
        catch (CryptographicException) { return false; }
    }

    /// <summary>A fresh key pair as PEM texts, for simulators and the demo.</summary>
    public static (string PrivatePem, string PublicPem) NewRsaPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public static string RandomAlphanumeric(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
