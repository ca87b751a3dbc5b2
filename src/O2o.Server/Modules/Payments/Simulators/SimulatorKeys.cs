using Microsoft.Extensions.Options;

namespace O2o.Server.Modules.Payments.Simulators;

/// <summary>
/// Key material made at start for gateways configured as <c>Simulated</c>: the simulator keeps the gateway's private
/// keys, the adapter gets the merchant keys and the gateway's public keys, exactly as a merchant would after signing up.
/// Nothing here is ever written to configuration or logs.
/// </summary>
internal sealed class SimulatorKeys : IPostConfigureOptions<PaymentsOptions>
{
    public const string WeChatPlatformKeyId = "PUB_KEY_ID_0114000000SIMULATOR0000000000000";

    private readonly Lazy<(string Private, string Public)> _weChatPlatform = new(GatewayKeys.NewRsaPair);
    private readonly Lazy<(string Private, string Public)> _weChatMerchant = new(GatewayKeys.NewRsaPair);
    private readonly Lazy<string> _weChatApiV3Key = new(() => GatewayKeys.RandomAlphanumeric(32));

    private readonly Lazy<(string Private, string Public)> _alipay = new(GatewayKeys.NewRsaPair);
    private readonly Lazy<(string Private, string Public)> _alipayApp = new(GatewayKeys.NewRsaPair);

    private readonly Lazy<SimulatedCertificates> _unionPay = new(() => SimulatedCertificates.Create("中国银联股份有限公司"));
    private readonly Lazy<(string Private, string Public)> _unionPayMerchant = new(GatewayKeys.NewRsaPair);

    public SimulatedCertificates UnionPayCertificates => _unionPay.Value;
    public string WeChatPlatformPrivateKey => _weChatPlatform.Value.Private;
    public string AlipayPrivateKey => _alipay.Value.Private;

    public void PostConfigure(string? name, PaymentsOptions options)
    {
        SimulateAlipay(options);
        SimulateUnionPay(options);
        var w = options.WeChatPay;
        if (!w.Simulated) return;
        w.Enabled = true;
        w.AppId ??= "wx0000000000simul8";
        w.MchId ??= "1900000109";
        w.MerchantSerialNo ??= "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
        w.MerchantPrivateKey ??= _weChatMerchant.Value.Private;
        w.ApiV3Key ??= _weChatApiV3Key.Value;
        // The simulator signs with its own key, so the adapter must trust exactly that one.
        w.PlatformPublicKeyId = WeChatPlatformKeyId;
        w.PlatformPublicKey = _weChatPlatform.Value.Public;
    }

    private void SimulateAlipay(PaymentsOptions options)
    {
        var a = options.Alipay;
        if (!a.Simulated) return;
        a.Enabled = true;
        a.AppId ??= "2021000000000001";
        a.SellerId ??= "2088000000000001";
        a.AppPrivateKey ??= _alipayApp.Value.Private;
        a.AlipayPublicKey = _alipay.Value.Public;
    }

    private void SimulateUnionPay(PaymentsOptions options)
    {
        var u = options.UnionPay;
        if (!u.Simulated) return;
        u.Enabled = true;
        u.MerId ??= "777290058110097";
        u.SignCertId ??= "68759663125";
        u.MerchantPrivateKey ??= _unionPayMerchant.Value.Private;
        u.RootCertificate = _unionPay.Value.RootPem;
        u.MiddleCertificate = _unionPay.Value.MiddlePem;
    }
}
