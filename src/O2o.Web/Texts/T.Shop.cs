namespace O2o.Web.Texts;

public static partial class T
{
    public static readonly Text ShopTitle = new("线上商城", "Shop");
    public static readonly Text StoresNearby = new("附近门店", "Stores nearby");
    public static readonly Text YourLocation = new("您的位置", "Your location");
    public static readonly Text MyPosition = new("我的当前位置", "My current position");
    public static readonly Text UseMyLocation = new("使用我的位置", "Use my location");
    public static readonly Text LocationUnavailable = new("无法获取您的位置，请从列表中选择。", "Your position is not available; choose a place from the list.");
    public static readonly Text NoStoresNearby = new("附近 20 公里内没有门店。", "No store within 20 km.");
    public static readonly Text OpenAllHours = new("24 小时营业", "Open 24 hours");
    public static readonly Text TodayHours = new("今日营业：", "Today:");
    public static readonly Text SearchProducts = new("搜索商品，如 牛奶", "Search products, e.g. milk");
    public static readonly Text NoProducts = new("没有找到商品。", "No products found.");
    public static readonly Text AddToCart = new("加入购物车", "Add to cart");
    public static readonly Text AddedToCart = new("已加入购物车。", "Added to the cart.");
    public static readonly Text GoToCart = new("去购物车", "Go to the cart");
    public static readonly Text NearbyAvailability = new("附近门店库存", "Availability at nearby stores");
    public static readonly Text Cart = new("购物车", "Cart");
    public static readonly Text CartEmpty = new("购物车是空的。", "Your cart is empty.");
    public static readonly Text ContinueShopping = new("继续购物", "Continue shopping");
    public static readonly Text LessOf = new("减少 {0}", "One less {0}");
    public static readonly Text MoreOf = new("增加 {0}", "One more {0}");
    public static readonly Text Checkout = new("去结算", "Checkout");
    public static readonly Text ChooseStoreFirst = new("请先选择一家门店。", "Choose a store first.");
    public static readonly Text HowToReceive = new("收货方式", "How to receive it");
    public static readonly Text NotOffered = new("本店不提供", "not offered here");
    public static readonly Text DeliveryAddress = new("收货地址", "Delivery address");
    public static readonly Text ContactName = new("联系人", "Contact name");
    public static readonly Text Phone = new("手机号", "Phone");
    public static readonly Text MapHint = new("点击地图选择收货位置；圆圈是门店的配送范围。", "Click the map to set the delivery position; the circle is the store's delivery area.");
    public static readonly Text MapLabel = new("门店、配送范围与收货位置示意图", "Map of the store, its delivery area and the delivery position");
    public static readonly Text PlaceOrder = new("提交订单", "Place order");
    public static readonly Text Payment = new("支付", "Payment");
    public static readonly Text PaymentMethod = new("支付方式", "Payment method");
    public static readonly Text MethodSandbox = new("沙箱支付（演示）", "Sandbox (demo)");
    public static readonly Text MethodWeChat = new("微信支付", "WeChat Pay");
    public static readonly Text MethodAlipay = new("支付宝", "Alipay");
    public static readonly Text MethodUnionPay = new("银联云闪付", "UnionPay");
    public static readonly Text ScanToPay = new("请扫码支付：", "Scan to pay:");
    public static readonly Text PaymentQr = new("支付二维码", "Payment QR code");
    public static readonly Text OpenPaymentPage = new("打开支付页面", "Open the payment page");
    public static readonly Text SandboxPay = new("模拟付款成功", "Pay (sandbox)");
    public static readonly Text SimulatorPay = new("模拟扫码付款（开发环境）", "Simulate the scan (development)");
    public static readonly Text ViewOrder = new("查看订单", "View the order");
    public static readonly Text PayNow = new("去支付", "Pay now");
    public static readonly Text ShowCodeAtCounter = new("到店后向店员出示取货码：", "Show this code at the counter:");
    public static readonly Text Timeline = new("订单进度", "Progress");
    public static readonly Text CancelOrder = new("取消订单", "Cancel the order");
    public static readonly Text MyOrders = new("我的订单", "My orders");
    public static readonly Text NoOrders = new("还没有订单。", "No orders yet.");
    public static readonly Text CustomerHint = new("请使用顾客账号登录，例如 customer@o2o.demo / Demo123!", "Sign in as a customer, e.g. customer@o2o.demo / Demo123!");
    public static readonly Text NoAccount = new("还没有账号？", "No account yet?");
    public static readonly Text Register = new("注册", "Register");
    public static readonly Text PasswordHint = new("至少 8 位，含大小写字母和数字。", "At least 8 characters with upper and lower case letters and a digit.");

    public static readonly Text QuoteChecking = new("正在计算配送费…", "Working out the delivery fee…");
    public static readonly Text DeliveryFeeQuote = new("配送费 {0}（距门店 {1}）", "Delivery fee {0} ({1} from the store)");
    public static readonly Text OutOfArea = new("超出配送范围：收货位置距门店 {0}，本店只配送 {1} 以内。", "Outside the delivery area: the position is {0} from the store, which delivers within {1}.");
    public static readonly Text PickupSlot = new("自提时段", "Pickup slot");
    public static readonly Text PickupDate = new("自提日期", "Pickup date");
    public static readonly Text NoSlotsThisDay = new("这一天没有可选的自提时段。", "No pickup slots on this day.");
    public static readonly Text SlotFull = new("已约满", "full");
    public static readonly Text SlotLeft = new("剩 {0} 个", "{0} left");
    public static readonly Text ChooseSlot = new("本店按时段自提：请选择一个时段。", "This store paces pickups: choose a slot.");
    public static readonly Text PickupAt = new("自提时段：", "Pickup slot:");
    public static readonly Text Vouchers = new("团购券", "Vouchers");
    public static readonly Text MyVouchers = new("我的团购券", "My vouchers");
    public static readonly Text FaceValue = new("价值 {0}", "worth {0}");
    public static readonly Text UsesCount = new("可用 {0} 次", "{0} uses");
    public static readonly Text ValidDaysAfter = new("购买后 {0} 天内有效", "valid {0} days after purchase");
    public static readonly Text ValidUntil = new("有效期至 {0}", "valid until {0}");
    public static readonly Text BuyVoucher = new("购买", "Buy");
    public static readonly Text BuyNamed = new("购买 {0}", "Buy {0}");
    public static readonly Text NoVouchers = new("还没有团购券。", "No vouchers yet.");
    public static readonly Text VoucherCode = new("券码", "Voucher code");
    public static readonly Text UsesLeft = new("剩余 {0} / {1} 次", "{0} of {1} uses left");
    public static readonly Text ShowVoucherAtCounter = new("到店出示券码或二维码，由店员核销。", "Show the code or the QR code at the counter.");
    public static readonly Text VouchersAfterPayment = new("支付后券码会出现在“我的团购券”中。", "Once paid, the codes appear under My vouchers.");
    public static readonly Text VoucherActive = new("可使用", "Active");
    public static readonly Text VoucherUsed = new("已用完", "Used");
    public static readonly Text VoucherRefunded = new("已退款", "Refunded");
    public static readonly Text VoucherExpired = new("已过期", "Expired");

    public static Text OfVoucherStatus(string status) => status switch
    {
        "active" => VoucherActive,
        "used" => VoucherUsed,
        "refunded" => VoucherRefunded,
        "expired" => VoucherExpired,
        _ => new Text(status, status),
    };
    public static readonly Text DeliveryProgress = new("配送进度", "Delivery");
    public static readonly Text PromisedWindow = new("承诺送达 {0} – {1}", "Promised {0} – {1}");
    public static readonly Text EtaLine = new("预计 {0} 送达", "Arriving about {0}");
    public static readonly Text RiderLine = new("{0}（{1}）距您 {2}", "{0} ({1}), {2} away");
    public static readonly Text ReceiptCode = new("收货码：送达时告诉骑手", "Receipt code: tell it to your rider at the door");
    public static readonly Text DeliveredFootprint = new("本单配送约 {0}，估算碳排放 {1} 克 CO₂", "This delivery: about {0}, an estimated {1} g of CO₂");
    public static readonly Text DeliveredOnTime = new("准时送达", "Delivered on time");
    public static readonly Text DeliveredLate = new("晚于承诺时间送达", "Delivered later than promised");
    public static readonly Text Door = new("收货地址", "Your door");
    public static readonly Text RiderMark = new("骑手", "Rider");
    public static readonly Text JobWaiting = new("等待骑手接单", "Waiting for a rider");
    public static readonly Text JobOffered = new("正在为您派单", "Finding your rider");
    public static readonly Text JobAccepted = new("骑手已接单，正赶往门店", "Your rider is on the way to the store");
    public static readonly Text JobPickedUp = new("骑手已取件，正在配送", "Your rider has your order and is on the way");
    public static readonly Text JobDelivered = new("已送达", "Delivered");
    public static readonly Text JobCancelled = new("配送已取消", "Delivery cancelled");
    public static readonly Text SpeedExpress = new("即时达", "Express");
    public static readonly Text SpeedNoRush = new("低碳慢送（更便宜，合并配送）", "No rush (cheaper, delivered together with others)");
    public static readonly Text SpeedChoice = new("送达方式", "Delivery speed");

    public static Text OfJobStatus(string status) => status switch
    {
        "waiting" => JobWaiting,
        "offered" => JobOffered,
        "accepted" => JobAccepted,
        "picked_up" => JobPickedUp,
        "delivered" => JobDelivered,
        "cancelled" => JobCancelled,
        _ => new Text(status, status),
    };
}
