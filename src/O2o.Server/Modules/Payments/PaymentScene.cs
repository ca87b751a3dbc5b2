using System.Net;
using System.Text.RegularExpressions;
using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// The payment product the payer uses: a QR code to scan, WeChat's in-app JSAPI, a mobile-browser H5 page, or
/// Alipay's desktop (page) and mobile (wap) cashier. Validated here so a gateway only ever sees a complete scene.
/// </summary>
internal sealed partial record PaymentScene(string Kind, string? OpenId = null, string? PayerClientIp = null, string H5Type = "Wap", string? ReturnUrl = null)
{
    public const string Qr = "qr", Jsapi = "jsapi", H5 = "h5", Page = "page", Wap = "wap";
    public static readonly string[] Kinds = [Qr, Jsapi, H5, Page, Wap];
    /// <summary>WeChat's h5_info.type values.</summary>
    public static readonly string[] H5Types = ["Wap", "iOS", "Android"];

    public static readonly Error Unsupported = Error.Unprocessable("payment_scene_unsupported", "This payment method does not support the chosen scene.");

    public static Result<PaymentScene> From(StartPaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = string.IsNullOrWhiteSpace(request.Scene) ? Qr : request.Scene.Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind)) errors["scene"] = [$"Must be one of {string.Join(", ", Kinds)}."];
        var openId = request.OpenId?.Trim();
        if (kind == Jsapi && string.IsNullOrEmpty(openId)) errors["openId"] = ["Required for the jsapi scene: the payer's openid under our appid."];
        else if (openId is not null && !OpenIdShape().IsMatch(openId)) errors["openId"] = ["Must be 1 to 128 letters, digits, '-' or '_'."];
        var ip = request.PayerClientIp?.Trim();
        if (kind == H5 && string.IsNullOrEmpty(ip)) errors["payerClientIp"] = ["Required for the h5 scene: the payer's IP address as WeChat sees it."];
        else if (ip is not null && !IPAddress.TryParse(ip, out _)) errors["payerClientIp"] = ["Must be an IPv4 or IPv6 address."];
        var h5Type = H5Types.FirstOrDefault(t => string.Equals(t, request.H5Type?.Trim() ?? "Wap", StringComparison.OrdinalIgnoreCase));
        if (h5Type is null) errors["h5Type"] = [$"Must be one of {string.Join(", ", H5Types)}."];
        var returnUrl = request.ReturnUrl?.Trim();
        if (returnUrl is not null && (returnUrl.Length > 256 || !Uri.TryCreate(returnUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors["returnUrl"] = ["Must be an absolute http(s) URL of at most 256 characters."];
        if (errors.Count > 0) return Error.Validation(errors);
        return new PaymentScene(kind, openId, ip, h5Type!, returnUrl);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex OpenIdShape();
}
