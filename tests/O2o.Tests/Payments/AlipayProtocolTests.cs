using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.Alipay;
using static O2o.Tests.Payments.PublishedVectors;

namespace O2o.Tests.Payments;

/// <summary>The Alipay adapter's byte rules against vectors A1 (real Alipay notification), A2 (real response) and A3.</summary>
public sealed class AlipayProtocolTests
{
    [Fact]
    public void Verifies_the_real_alipay_notification_only_without_sign_and_sign_type()
    {
        var vector = Vector("A1");
        var fields = vector["form_params"]!.AsObject().ToDictionary(f => f.Key, f => (string?)f.Value!.GetValue<string>());
        using var alipay = GatewayKeys.LoadRsa(Pem(vector["public_key_file"]!.GetValue<string>()));

        var content = AlipayProtocol.SignContent(fields, isNotification: true);

        Assert.Equal(vector["expected_sign_content"]!.GetValue<string>(), content);
        Assert.True(GatewayKeys.VerifySha256(alipay, content, fields["sign"]));
        Assert.False(GatewayKeys.VerifySha256(alipay, AlipayProtocol.SignContent(fields, isNotification: false), fields["sign"]));
    }

    [Fact]
    public void Verifies_the_real_alipay_response_over_its_raw_substring()
    {
        var vector = Vector("A2");
        var raw = vector["raw_response"]!.GetValue<string>();
        using var alipay = GatewayKeys.LoadRsa(Pem(vector["public_key_file"]!.GetValue<string>()));

        var signed = AlipayProtocol.ExtractSigned(raw, AlipayProtocol.ResponseKey("alipay.open.file.upload"));

        Assert.Equal(vector["expected_signed_content"]!.GetValue<string>(), signed);
        Assert.True(GatewayKeys.VerifySha256(alipay, signed!, vector["sign"]!.GetValue<string>()));
        Assert.False(GatewayKeys.VerifySha256(alipay, signed!.Replace("10000", "10001", StringComparison.Ordinal), vector["sign"]!.GetValue<string>()));
    }

    [Fact]
    public void Signs_a_request_with_sign_type_and_without_empty_values()
    {
        var vector = Vector("A3");
        var parameters = vector["params"]!.AsObject().ToDictionary(f => f.Key, f => (string?)f.Value!.GetValue<string>());
        using var key = GatewayKeys.LoadRsa(WeChatTestPrivateKey);

        var content = AlipayProtocol.SignContent(parameters, isNotification: false);

        Assert.Equal(vector["sign_content"]!.GetValue<string>(), content);
        Assert.Equal(vector["sign"]!.GetValue<string>(), GatewayKeys.SignSha256(key, content));
    }

    [Theory]
    [InlineData(1, "0.01"), InlineData(5180, "51.80"), InlineData(10_000_000_000, "100000000.00")]
    public void Writes_and_reads_yuan_without_floating_point(long fen, string yuan)
    {
        Assert.Equal(yuan, AlipayProtocol.Yuan(fen));
        Assert.Equal(fen, AlipayProtocol.Fen(yuan));
    }

    [Theory]
    [InlineData("0.001"), InlineData("abc"), InlineData("-1.00"), InlineData("1e5"), InlineData(null)]
    public void Refuses_amounts_that_are_not_yuan_with_two_decimals(string? yuan) => Assert.Null(AlipayProtocol.Fen(yuan));

    [Fact]
    public void Decodes_a_form_once_and_refuses_repeated_keys()
    {
        Assert.Equal("a+b c&d", GatewayForms.ParseForm("x=a%2Bb+c%26d")!["x"]);
        Assert.Null(GatewayForms.ParseForm("x=1&x=2"));
        Assert.Null(GatewayForms.ParseForm("novalue"));
    }
}
