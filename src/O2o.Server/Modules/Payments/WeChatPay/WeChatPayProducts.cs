using System.Globalization;
using System.Text.Json.Nodes;
using O2o.Contracts;

namespace O2o.Server.Modules.Payments.WeChatPay;

/// <summary>
/// What differs between WeChat's order products (../shared/docs/payments.md §1): the endpoint, the extra request
/// fields (payer.openid for JSAPI, scene_info for H5) and what the payer's client needs from the answer.
/// </summary>
internal static class WeChatPayProducts
{
    public static string Path(PaymentScene scene) => scene.Kind switch
    {
        PaymentScene.Jsapi => "/v3/pay/transactions/jsapi",
        PaymentScene.H5 => "/v3/pay/transactions/h5",
        _ => "/v3/pay/transactions/native",
    };

    /// <summary>Adds the fields the product requires to the common order body.</summary>
    public static JsonObject Complete(JsonObject body, PaymentScene scene)
    {
        if (scene.Kind == PaymentScene.Jsapi) body["payer"] = new JsonObject { ["openid"] = scene.OpenId };
        if (scene.Kind == PaymentScene.H5)
            body["scene_info"] = new JsonObject { ["payer_client_ip"] = scene.PayerClientIp, ["h5_info"] = new JsonObject { ["type"] = scene.H5Type } };
        return body;
    }

    /// <summary>
    /// The arguments of wx.requestPayment / WeixinJSBridge getBrandWCPayRequest: the client cannot sign, so paySign is made
    /// here with the merchant key over appId, timeStamp, nonceStr and package (vector W4).
    /// </summary>
    public static PaymentAction Jsapi(string appId, string prepayId, DateTimeOffset now, Func<string, string> sign)
    {
        var timeStamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonceStr = WeChatPayProtocol.NewNonce();
        var package = "prepay_id=" + prepayId;
        return new PaymentAction("jsapi", package, new Dictionary<string, string>
        {
            ["appId"] = appId, ["timeStamp"] = timeStamp, ["nonceStr"] = nonceStr, ["package"] = package, ["signType"] = "RSA",
            ["paySign"] = sign(WeChatPayProtocol.PaySignMessage(appId, timeStamp, nonceStr, package)),
        });
    }

    /// <summary>WeChat sends the payer back to redirect_url (URL-encoded, appended to h5_url) once the cashier closes.</summary>
    public static PaymentAction H5(string h5Url, string? returnUrl) =>
        new("redirect", returnUrl is null ? h5Url : $"{h5Url}&redirect_url={Uri.EscapeDataString(returnUrl)}");
}
