using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.UnionPay;
using static O2o.Tests.Payments.PublishedVectors;

namespace O2o.Tests.Payments;

/// <summary>The UnionPay 5.1.0 signatures against vectors U1 (signMethod 01, double hash) and U2 (signMethod 11).</summary>
public sealed class UnionPayProtocolTests
{
    [Fact]
    public void Signs_the_lowercase_hex_digest_not_the_raw_digest()
    {
        var vector = Vector("U1");
        var fields = vector["params"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        using var key = GatewayKeys.LoadRsa(WeChatTestPrivateKey);
        using var publicKey = GatewayKeys.LoadRsa(WeChatTestPublicKey);

        Assert.Equal(vector["sign_content"]!.GetValue<string>(), UnionPayProtocol.SignContent(fields));
        Assert.Equal(vector["sha256_hex"]!.GetValue<string>(), UnionPayProtocol.Digest(UnionPayProtocol.SignContent(fields)));
        Assert.Equal(vector["signature"]!.GetValue<string>(), UnionPayProtocol.Sign(key, fields));

        fields["signature"] = vector["signature"]!.GetValue<string>();
        Assert.True(UnionPayProtocol.Verify(publicKey, fields));
        fields["txnAmt"] = "1";
        Assert.False(UnionPayProtocol.Verify(publicKey, fields));
    }

    [Fact]
    public void Computes_the_secure_key_signature_of_sign_method_11()
    {
        var vector = Vector("U2");
        var fields = vector["params"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        Assert.Equal(vector["sign_content"]!.GetValue<string>(), UnionPayProtocol.SignContent(fields));
        Assert.Equal(vector["signature"]!.GetValue<string>(), UnionPayProtocol.SecureKeySignature(fields, vector["secureKey"]!.GetValue<string>()));
    }
}
