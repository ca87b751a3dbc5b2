namespace O2o.Server.Platform;

/// <summary>
/// Chinese titles and details of every error code, used when the caller prefers Chinese (Accept-Language: zh…).
/// A use case may give a more precise Chinese detail of its own (the <c>detailZh</c> of its error).
/// </summary>
internal static class ProblemTexts
{
    private static readonly Dictionary<string, string> Zh = new()
    {
        ["validation_failed"] = "请求内容有误：请检查标出的字段。",
        ["unauthorized"] = "请先登录。",
        ["forbidden"] = "您的角色无权执行此操作。",
        ["not_found"] = "找不到该资源。",
        ["method_not_allowed"] = "该地址不支持此请求方法。",
        ["payload_too_large"] = "请求内容过大。",
        ["unsupported_media_type"] = "请以 JSON 格式提交。",
        ["too_many_requests"] = "请求过于频繁，请稍后再试。",
        ["internal_error"] = "服务器出错了，我们会尽快处理。",
        ["account_exists"] = "该邮箱已注册。",
        ["invalid_credentials"] = "邮箱或密码错误。",
        ["account_locked"] = "密码错误次数过多，账户已暂时锁定，请几分钟后再试。",
        ["invalid_refresh_token"] = "登录已失效，请重新登录。",
        ["account_not_found"] = "找不到该账户。",
        ["store_not_found"] = "找不到该门店。",
        ["merchant_not_found"] = "找不到该商家。",
        ["product_not_found"] = "找不到该商品。",
        ["sku_exists"] = "该商品编码（SKU）已存在。",
        ["below_reserved"] = "在库数量不能少于未完成订单已占用的数量。",
        ["stock_busy"] = "库存正在频繁变动，请重试。",
        ["cart_full"] = "购物车商品种类已达上限。",
        ["cart_empty"] = "购物车是空的，没有可下单的商品。",
        ["insufficient_stock"] = "库存不足。",
        ["out_of_delivery_area"] = "收货地址超出门店配送范围。",
        ["store_closed"] = "门店当前未营业。",
        ["fulfillment_not_offered"] = "该门店不提供此履约方式。",
        ["pickup_slot_required"] = "该门店按时段自提：请选择一个自提时段。",
        ["pickup_slot_unavailable"] = "该自提时段不可选（已过去、太近或不是门店的时段）。",
        ["pickup_slot_full"] = "该自提时段已约满，请选择其他时段。",
        ["wrong_product_kind"] = "团购券需单独购买（POST /api/vouchers/purchases），不能与商品一起下单。",
        ["order_not_found"] = "找不到该订单。",
        ["order_not_cancellable"] = "门店已开始备货，无法由顾客取消。",
        ["order_changed"] = "订单刚被他人修改，请刷新后重试。",
        ["invalid_order_status"] = "订单当前状态不允许此操作。",
        ["invalid_pickup_code"] = "取货码无效：本店没有等待取货的此码订单。",
        ["not_a_voucher_product"] = "只有“团购券”类商品才能设置券规则。",
        ["voucher_offer_not_found"] = "找不到该团购券。",
        ["voucher_not_on_sale"] = "该团购券已停止售卖。",
        ["voucher_not_valid_here"] = "该券不能在此门店使用。",
        ["voucher_limit_exceeded"] = "您购买的该券已达每人限购数量。",
        ["voucher_not_found"] = "找不到该券。",
        ["voucher_not_refundable"] = "该券已无可退的剩余次数（已用完、已退款或已过期）。",
        ["voucher_used_up"] = "该券剩余次数不足。",
        ["voucher_expired"] = "该券已过期，未使用部分将自动退款。",
        ["voucher_closed"] = "该券已退款，不能再使用。",
        ["too_many_voucher_attempts"] = "本店输错券码次数过多，请稍后再试。",
        ["too_many_attempts"] = "取货码错误次数过多，请一分钟后再试。",
        ["order_not_payable"] = "该订单当前不可支付。",
        ["payment_not_found"] = "找不到该支付单。",
        ["payment_method_unavailable"] = "平台未开通该支付方式。",
        ["payment_scene_unsupported"] = "该支付方式不支持所选的支付场景。",
        ["payment_not_pending"] = "该支付单已结束。",
        ["invalid_signature"] = "通知签名校验失败。",
        ["stale_notification"] = "通知时间戳过期（疑似重放）。",
        ["unknown_certificate"] = "通知使用了未知的平台证书或公钥签名。",
        ["undecryptable_notification"] = "通知内容无法用本商户密钥解密。",
        ["merchant_mismatch"] = "通知属于其他商户或应用。",
        ["gateway_unavailable"] = "支付渠道暂时无法响应，请稍后重试。",
        ["gateway_refused"] = "支付渠道拒绝了该请求。",
        ["payment_not_refundable"] = "只有支付成功的支付单才能退款。",
        ["refund_exceeds_paid"] = "退款金额超过该支付单剩余可退金额。",
        ["order_not_paid"] = "该订单没有可退款的成功支付。",
        ["sandbox_unreachable"] = "沙箱无法回调本服务器：请配置 Payments:Sandbox:NotifyBaseUrl。",
        ["notification_refused"] = "支付通知被拒绝。",
        ["stock_alert_not_found"] = "没有找到这条库存预警。",
        ["unknown_gateway"] = "没有配置这个支付网关。",
        ["idempotency_key_reused"] = "该幂等键已用于另一个不同的请求。",
        ["same_store"] = "调拨的调出门店和调入门店不能相同。",
        ["transfer_not_found"] = "找不到该调拨单。",
        ["transfer_not_in_transit"] = "该调拨单已收货或已取消。",
        ["sale_not_found"] = "找不到该柜台销售单。",
        ["product_not_in_sale"] = "退货商品不在该销售单中。",
        ["return_exceeds_sale"] = "退货数量超过已售未退数量。",
        ["flash_sale_not_found"] = "找不到该限时抢购活动。",
        ["not_started"] = "抢购尚未开始。",
        ["ended"] = "抢购已结束。",
        ["sold_out"] = "已抢光。",
        ["limit_exceeded"] = "超过每人限购数量。",
        ["quantity_above_stock"] = "抢购数量超过参与门店的可售库存。",
        ["store_not_in_sale"] = "该门店不参与此次抢购。",
    };

    private const string ZhTitle = "请求未能完成";

    public static bool Has(string code) => Zh.ContainsKey(code);

    public static (string Title, string Detail) Chinese(string code, string? specific) =>
        (ZhTitle, specific ?? Zh.GetValueOrDefault(code, "请求未能完成。"));
}
