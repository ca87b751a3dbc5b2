namespace O2o.Web.Texts;

public static partial class T
{
    public static readonly Text AdminTitle = new("管理后台", "Admin");
    public static readonly Text AdminHint = new("请使用管理员账号登录，例如 admin@o2o.demo / Admin123! 或 merchant@o2o.demo / Demo123!", "Sign in as an admin, e.g. admin@o2o.demo / Admin123! or merchant@o2o.demo / Demo123!");
    public static readonly Text Dashboard = new("经营看板", "Dashboard");
    public static readonly Text Stock = new("库存", "Stock");
    public static readonly Text Staff = new("店员", "Staff");
    public static readonly Text Services = new("服务", "Services");
    public static readonly Text RadiusKm = new("配送半径（公里）", "Delivery radius (km)");
    public static readonly Text TimeZone = new("时区", "Time zone");
    public static readonly Text NewStore = new("新建门店", "New store");
    public static readonly Text NameZh = new("中文名称", "Chinese name");
    public static readonly Text NameEn = new("英文名称", "English name");
    public static readonly Text Opens = new("每天开门", "Opens daily");
    public static readonly Text Closes = new("每天打烊", "Closes daily");
    public static readonly Text HoursHint = new("营业时间按门店时区；打烊早于开门表示营业到次日。清空两项表示全天营业。", "Hours are in the store's time zone; a closing before the opening runs past midnight. Clear both for always open.");
    public static readonly Text Create = new("创建", "Create");
    public static readonly Text CreatedNamed = new("已创建：{0}", "Created: {0}");
    public static readonly Text Merchant = new("商家", "Merchant");
    public static readonly Text PlatformDirect = new("平台自营", "Platform direct");
    public static readonly Text MerchantOf = new("{0} 等门店的商家", "Merchant of {0} …");
    public static readonly Text NewProduct = new("新建商品", "New product");
    public static readonly Text PriceYuan = new("价格（元）", "Price (yuan)");
    public static readonly Text PriceInvalid = new("请输入价格，例如 12.50。", "Enter a price such as 12.50.");
    public static readonly Text ImageUrl = new("图片地址", "Image URL");
    public static readonly Text DescriptionZh = new("中文描述", "Chinese description");
    public static readonly Text DescriptionEn = new("英文描述", "English description");
    public static readonly Text SetOnHand = new("盘点在库数", "Counted on hand");
    public static readonly Text NewStaff = new("新建店员账号", "New staff account");
    public static readonly Text WorksAt = new("所属门店", "Works at");
    public static readonly Text StaffAccounts = new("店员账号", "Staff accounts");
    public static readonly Text Role = new("角色", "Role");
    public static readonly Text RoleStoreStaff = new("店员", "Store staff");
    public static readonly Text RoleMerchantAdmin = new("商家管理员", "Merchant admin");
    public static readonly Text CreatedOn = new("创建时间", "Created");
    public static readonly Text NoStaff = new("还没有店员账号。", "No staff accounts yet.");

    public static readonly Text Today = new("今日", "Today");
    public static readonly Text LastDays = new("近 {0} 天", "Last {0} days");
    public static readonly Text Gmv = new("成交额（GMV）", "GMV");
    public static readonly Text PaidOrders = new("支付订单", "Paid orders");
    public static readonly Text AverageOrder = new("客单价", "Average order");
    public static readonly Text PickupVsDelivery = new("自提 / 配送占比", "Pickup / delivery share");
    public static readonly Text OrdersPerHour = new("近 24 小时每小时支付订单", "Paid orders per hour, last 24 hours");
    public static readonly Text Funnel = new("转化漏斗（近 30 天）", "Conversion funnel (30 days)");
    public static readonly Text Count = new("次数", "Count");
    public static readonly Text GmvPerStore = new("门店成交额前十", "Top 10 stores by GMV");
    public static readonly Text PerStore = new("各门店", "Per store");
    public static readonly Text StepViewStore = new("浏览门店", "Viewed a store");
    public static readonly Text StepViewProduct = new("浏览商品", "Viewed a product");
    public static readonly Text StepAddToCart = new("加入购物车", "Added to cart");
    public static readonly Text StepPlaceOrder = new("提交订单", "Placed an order");
    public static readonly Text StepPay = new("完成支付", "Paid");

    public static Text OfRole(string role) => role switch
    {
        "store_staff" => RoleStoreStaff,
        "merchant_admin" => RoleMerchantAdmin,
        _ => new Text(role, role),
    };

    public static Text OfFunnelStep(string step) => step switch
    {
        "view_store" => StepViewStore,
        "view_product" => StepViewProduct,
        "add_to_cart" => StepAddToCart,
        "place_order" => StepPlaceOrder,
        "pay" => StepPay,
        _ => new Text(step, step),
    };
}
