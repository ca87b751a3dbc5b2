using Microsoft.Extensions.Options;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.WeChatPay;
using static O2o.Tests.Payments.PublishedVectors;

namespace O2o.Tests.Payments;

/// <summary>The WeChat Pay v3 adapter against the official and derived vectors W1–W6 of ../shared/docs/payments.md §4.</summary>
public sealed class WeChatPayProtocolTests
{
    private const string ApiV3Key = "TestApiV3Key0123456789abcdefABCD";

    [Theory]
    [InlineData("W1"), InlineData("W2"), InlineData("W3"), InlineData("W4")]
    public void Signs_requests_exactly_as_the_published_vectors(string id)
    {
        var vector = Vector(id);
        using var key = GatewayKeys.LoadRsa(WeChatTestPrivateKey);
        Assert.Equal(vector["signature"]!.GetValue<string>(), GatewayKeys.SignSha256(key, vector["message"]!.GetValue<string>()));
    }

    [Fact]
    public void Builds_the_official_request_message_and_authorization_header()
    {
        var vector = Vector("W1");
        var message = WeChatPayProtocol.RequestMessage("GET", "/v3/refund/domestic/refunds/123123123123", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", "");
        Assert.Equal(vector["message"]!.GetValue<string>(), message);
        using var key = GatewayKeys.LoadRsa(WeChatTestPrivateKey);
        var header = WeChatPayProtocol.Authorization("1900007291", "593BEC0C930BF1AFEB40B4A08C8FB242", GatewayKeys.SignSha256(key, message), 1554208460,
            "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB");
        Assert.Equal(vector["authorization"]!.GetValue<string>(), header);
        Assert.Equal("1900007291", WeChatPayProtocol.ParseAuthorization(header)!["mchid"]);
    }

    [Fact]
    public void Builds_the_paySign_message_of_the_mini_program_sample()
    {
        Assert.Equal(Vector("W4")["message"]!.GetValue<string>(), WeChatPayProtocol.PaySignMessage("wx8888888888888888", "1414561699",
            "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100"));
    }

    [Fact]
    public void Verifies_and_decrypts_the_published_notification()
    {
        var vector = Vector("W5");
        var (gateway, headers, body) = Gateway(vector, DateTimeOffset.FromUnixTimeSeconds(1735704006 + 60));

        var notice = gateway.Verify(headers, body);

        Assert.True(notice.IsSuccess, notice.Error?.Code);
        Assert.Equal(1990, notice.Value.AmountFen);
        Assert.Equal("CNY", notice.Value.Currency);
        Assert.Equal("4200000000202501010000000001", notice.Value.TradeNo);
        Assert.True(notice.Value.Succeeded);
    }

    [Fact]
    public void Rejects_the_published_notification_when_stale_probed_tampered_or_from_an_unknown_serial()
    {
        var vector = Vector("W5");
        var (gateway, headers, body) = Gateway(vector, DateTimeOffset.FromUnixTimeSeconds(1735704006 + 301));
        Assert.Equal("stale_notification", gateway.Verify(headers, body).Error?.Code);

        (gateway, headers, body) = Gateway(vector, DateTimeOffset.FromUnixTimeSeconds(1735704006));
        Assert.Equal("invalid_signature", gateway.Verify(headers, body.Replace("\"summary\"", " \"summary\"", StringComparison.Ordinal)).Error?.Code);
        Assert.Equal("invalid_signature", gateway.Verify(new Dictionary<string, string>(headers)
            { [WeChatPayProtocol.SignatureHeader] = WeChatPayProtocol.ProbePrefix + "c2lnbnRlc3Q=" }, body).Error?.Code);
        Assert.Equal("unknown_certificate", gateway.Verify(new Dictionary<string, string>(headers)
            { [WeChatPayProtocol.SerialHeader] = "PUB_KEY_ID_0000000000000000000000000000OTHR" }, body).Error?.Code);
        Assert.Equal("invalid_signature", gateway.Verify(new Dictionary<string, string>(), body).Error?.Code);
    }

    [Fact]
    public void Decrypts_the_published_refund_resource_and_fails_when_the_associated_data_changes()
    {
        var vector = Vector("W6");
        var resource = vector["resource"]!;
        string? Decrypt(string aad) => WeChatPayProtocol.Decrypt(ApiV3Key, resource["nonce"]!.GetValue<string>(), aad, resource["ciphertext"]!.GetValue<string>());

        Assert.Equal(vector["decrypted_resource"]!.GetValue<string>(), Decrypt("refund"));
        Assert.Null(Decrypt("transaction"));
        Assert.Null(WeChatPayProtocol.Decrypt("WrongApiV3Key0123456789abcdefABC", resource["nonce"]!.GetValue<string>(), "refund", resource["ciphertext"]!.GetValue<string>()));
        Assert.Null(WeChatPayProtocol.Decrypt(ApiV3Key, resource["nonce"]!.GetValue<string>(), "refund", resource["ciphertext"]!.GetValue<string>()[..40]));
        Assert.Null(WeChatPayProtocol.Decrypt(ApiV3Key, resource["nonce"]!.GetValue<string>(), "refund", "not base64 at all!"));
    }

    [Fact]
    public void What_the_simulator_encrypts_the_adapter_decrypts()
    {
        var sealedText = WeChatPayProtocol.Encrypt(ApiV3Key, "abcdefghijkl", "transaction", "{\"a\":\"支付\"}");
        Assert.Equal("{\"a\":\"支付\"}", WeChatPayProtocol.Decrypt(ApiV3Key, "abcdefghijkl", "transaction", sealedText));
    }

    private static (WeChatPayGateway Gateway, Dictionary<string, string> Headers, string Body) Gateway(System.Text.Json.Nodes.JsonNode vector, DateTimeOffset now)
    {
        var options = Options.Create(new PaymentsOptions
        {
            WeChatPay = new WeChatPayOptions
            {
                Enabled = true, AppId = "wxd678efh567hg6787", MchId = "1900007291", MerchantSerialNo = "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
                MerchantPrivateKey = WeChatTestPrivateKey, ApiV3Key = vector["apiv3_key"]!.GetValue<string>(),
                PlatformPublicKeyId = "PUB_KEY_ID_0000000000000000000000000000TEST", PlatformPublicKey = WeChatTestPublicKey,
            },
        });
        var client = new WeChatPayClient(null!, options, new WeChatPayKeys(options), null!, new FixedClock(now),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WeChatPayClient>.Instance);
        var headers = vector["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        return (new WeChatPayGateway(client, new WeChatPayKeys(options), options, null!, new FixedClock(now)), headers, vector["body"]!.GetValue<string>());
    }
}
