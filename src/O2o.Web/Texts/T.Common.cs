namespace O2o.Web.Texts;

/// <summary>Every user-facing text of the consoles, Chinese first. Grouped by console in the partial files.</summary>
public static partial class T
{
    public static readonly Text Brand = new("鲜邻生活", "FreshNeighbour");
    public static readonly Text Navigation = new("导航", "Navigation");
    public static readonly Text Language = new("语言", "Language");
    public static readonly Text Loading = new("加载中…", "Loading…");
    public static readonly Text NotFound = new("页面不存在", "Page not found");
    public static readonly Text BackHome = new("返回首页", "Back to the home page");
    public static readonly Text SignIn = new("登录", "Sign in");
    public static readonly Text SignOut = new("退出", "Sign out");
    public static readonly Text SignedInAs = new("已登录：{0}", "Signed in as {0}");
    public static readonly Text Email = new("邮箱", "Email");
    public static readonly Text Password = new("密码", "Password");
    public static readonly Text DisplayName = new("姓名", "Name");
    public static readonly Text SignInFailed = new("登录失败，请重试。", "Signing in failed; please try again.");
    public static readonly Text WrongRole = new("当前账号无权使用此页面，请换一个账号登录。", "This account may not use this page; sign in with another one.");
    public static readonly Text NetworkError = new("无法连接服务器，请检查网络后重试。", "The server cannot be reached; check the connection and try again.");
    public static readonly Text UnexpectedError = new("出现意外错误。", "Something unexpected went wrong.");
    public static readonly Text Save = new("保存", "Save");
    public static readonly Text Saved = new("已保存。", "Saved.");
    public static readonly Text Search = new("搜索", "Search");
    public static readonly Text Refresh = new("刷新", "Refresh");
    public static readonly Text Store = new("门店", "Store");
    public static readonly Text Stores = new("门店", "Stores");
    public static readonly Text Product = new("商品", "Product");
    public static readonly Text Products = new("商品", "Products");
    public static readonly Text Quantity = new("数量", "Quantity");
    public static readonly Text Price = new("价格", "Price");
    public static readonly Text Total = new("合计", "Total");
    public static readonly Text Subtotal = new("商品金额", "Subtotal");
    public static readonly Text DeliveryFee = new("配送费", "Delivery fee");
    public static readonly Text Discount = new("优惠", "Discount");
    public static readonly Text Open = new("营业中", "Open");
    public static readonly Text Closed = new("已打烊", "Closed");
    public static readonly Text Available = new("可售 {0} 件", "{0} available");
    public static readonly Text SoldOut = new("暂时缺货", "Out of stock");
    public static readonly Text Pickup = new("到店自提", "Pickup");
    public static readonly Text Delivery = new("同城配送", "Delivery");
    public static readonly Text Address = new("地址", "Address");
    public static readonly Text Latitude = new("纬度", "Latitude");
    public static readonly Text Longitude = new("经度", "Longitude");
    public static readonly Text Order = new("订单", "Order");
    public static readonly Text Orders = new("订单", "Orders");
    public static readonly Text Status = new("状态", "Status");
    public static readonly Text Time = new("时间", "Time");
    public static readonly Text Sku = new("商品编码", "SKU");
    public static readonly Text Category = new("分类", "Category");
    public static readonly Text AllCategories = new("全部", "All");
    public static readonly Text None = new("暂无", "None");
    public static readonly Text PickupCode = new("取货码", "Pickup code");
    public static readonly Text Previous = new("上一页", "Previous");
    public static readonly Text Next = new("下一页", "Next");
    public static readonly Text PageOf = new("第 {0} / {1} 页", "Page {0} of {1}");
    public static readonly Text Items = new("{0} 件", "{0} items");

    public static readonly Text StatusPendingPayment = new("待支付", "Awaiting payment");
    public static readonly Text StatusPaid = new("已支付", "Paid");
    public static readonly Text StatusPreparing = new("备货中", "Preparing");
    public static readonly Text StatusReady = new("待取货", "Ready for pickup");
    public static readonly Text StatusOutForDelivery = new("配送中", "Out for delivery");
    public static readonly Text StatusCompleted = new("已完成", "Completed");
    public static readonly Text StatusCancelled = new("已取消", "Cancelled");

    public static Text OfStatus(string status) => status switch
    {
        "pending_payment" => StatusPendingPayment,
        "paid" => StatusPaid,
        "preparing" => StatusPreparing,
        "ready_for_pickup" => StatusReady,
        "out_for_delivery" => StatusOutForDelivery,
        "completed" => StatusCompleted,
        "cancelled" => StatusCancelled,
        _ => new Text(status, status),
    };

    public static Text OfFulfillment(string type) => type switch
    {
        "delivery" => Delivery,
        "voucher" => Vouchers,
        _ => Pickup,
    };
}
