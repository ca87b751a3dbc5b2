using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>A root, a middle and a signing certificate made at start, shaped like UnionPay's (the signer chains to both).</summary>
internal sealed class SimulatedCertificates : IDisposable
{
    private SimulatedCertificates(string rootPem, string middlePem, string signerPem, RSA signerKey)
    {
        RootPem = rootPem;
        MiddlePem = middlePem;
        SignerPem = signerPem;
        SignerKey = signerKey;
    }

    public string RootPem { get; }
    public string MiddlePem { get; }
    public string SignerPem { get; }
    public RSA SignerKey { get; }

    public static SimulatedCertificates Create(string signerName)
    {
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        using var rootKey = RSA.Create(2048);
        using var root = Authority("CN=O2O Simulated Root CA", rootKey).CreateSelfSigned(from, from.AddYears(10));
        using var middleKey = RSA.Create(2048);
        using var middleUnsigned = Authority("CN=O2O Simulated Middle CA", middleKey).Create(root, from, from.AddYears(5), Serial());
        using var middle = middleUnsigned.CopyWithPrivateKey(middleKey);
        var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest(new X500DistinguishedName($"CN={signerName}, OU=00040000:SIGN, O=China UnionPay"), signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var signer = signerRequest.Create(middle, from, from.AddYears(2), Serial());
        return new SimulatedCertificates(root.ExportCertificatePem(), middle.ExportCertificatePem(), signer.ExportCertificatePem(), signerKey);
    }

    private static CertificateRequest Authority(string name, RSA key)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(8);

    public void Dispose() => SignerKey.Dispose();
}
