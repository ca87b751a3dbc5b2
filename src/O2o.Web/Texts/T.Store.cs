namespace O2o.Web.Texts;

public static partial class T
{
    public static readonly Text StoreConsoleTitle = new("门店工作台", "Store console");
    public static readonly Text StoreOrders = new("门店订单", "Store orders");
    public static readonly Text StaffHint = new("请使用店员账号登录，例如 staff.sh-hp-01@o2o.demo / Demo123!", "Sign in as store staff, e.g. staff.sh-hp-01@o2o.demo / Demo123!");
    public static readonly Text NoStoreBound = new("此账号未绑定任何门店。", "This account is bound to no store.");
    public static readonly Text ColumnNew = new("新订单", "New");
    public static readonly Text NewOrderArrived = new("来新订单了！", "A new order has arrived!");
    public static readonly Text Dismiss = new("知道了", "Dismiss");
    public static readonly Text Accept = new("接单", "Accept");
    public static readonly Text MarkReady = new("备货完成", "Ready");
    public static readonly Text Dispatch = new("出发配送", "Dispatch");
    public static readonly Text MarkDelivered = new("已送达", "Delivered");
    public static readonly Text AwaitingCode = new("等待顾客出示取货码", "Waiting for the customer's code");
    public static readonly Text VerifyPickup = new("核销", "Verify");
    public static readonly Text PickupCodeInput = new("取货码（输入或扫码）", "Pickup code (type or scan)");
    public static readonly Text HandedOver = new("订单 #{0} 已交付。", "Order #{0} handed over.");
    public static readonly Text CounterStock = new("门店库存", "Counter stock");
    public static readonly Text LowStock = new("低库存商品", "Low stock");
    public static readonly Text NoLowStock = new("没有低于预警值的商品。", "Nothing is below its alert level.");
    public static readonly Text OnHand = new("在库", "On hand");
    public static readonly Text Reserved = new("已占用", "Reserved");
    public static readonly Text AvailableOnline = new("线上可售", "Available online");
    public static readonly Text AlertLevel = new("预警值", "Alert level");
    public static readonly Text SafetyStock = new("安全库存", "Safety stock");
    public static readonly Text InTransit = new("在途", "In transit");
    public static readonly Text Adjust = new("调整", "Adjust");
    public static readonly Text ChangeBy = new("变动数量", "Change by");
    public static readonly Text ChangeByHint = new("负数表示减少（破损、过期、丢失），正数表示增加（找到）。", "Negative to take units out (damaged, expired, lost), positive to add found ones.");
    public static readonly Text Reason = new("原因", "Reason");
    public static readonly Text ReasonDamaged = new("破损", "Damaged");
    public static readonly Text ReasonExpired = new("过期", "Expired");
    public static readonly Text ReasonLost = new("丢失", "Lost");
    public static readonly Text ReasonFound = new("盘盈找到", "Found");
    public static readonly Text ReasonRecount = new("盘点更正", "Recount");

    public static readonly Text RedeemVoucher = new("核销团购券", "Redeem voucher");
    public static readonly Text VoucherCodeInput = new("券码（12 位，输入或扫码）", "Voucher code (12 digits, type or scan)");
    public static readonly Text UsesToRedeem = new("核销次数", "Uses");
    public static readonly Text Redeem = new("核销", "Redeem");
    public static readonly Text Redeemed = new("已核销：{0}，本次 {1} 次，剩余 {2} 次。", "Redeemed: {0}, {1} use(s), {2} left.");
    public static readonly Text PickupSlotShort = new("自提 {0}", "pickup {0}");
    public static readonly Text RidersTitle = new("骑手与配送", "Riders and deliveries");
    public static readonly Text NoDeliveries = new("暂无进行中的配送。", "No deliveries under way.");
    public static readonly Text RiderComing = new("{0}（{1}）约 {2} 到店", "{0} ({1}) at the store about {2}");
    public static readonly Text RiderCarrying = new("{0}（{1}）配送中，预计 {2} 送达", "{0} ({1}) on the way, at the door about {2}");
}
