namespace O2o.Web.Texts;

/// <summary>Texts of segments, campaigns and the inbox.</summary>
public static partial class T
{
    public static readonly Text Segments = new("客户分群", "Segments");
    public static readonly Text Campaigns = new("营销活动", "Campaigns");
    public static readonly Text SegmentName = new("分群", "Segment");
    public static readonly Text SegmentSize = new("人数", "Customers");
    public static readonly Text SegmentRule = new("规则", "Rule");
    public static readonly Text EvaluatedAt = new("最近计算", "Evaluated");
    public static readonly Text NoSegments = new("还没有客户分群。", "No segments yet.");
    public static readonly Text RuleAgeBands = new("年龄 {0}", "age {0}");
    public static readonly Text RuleGenders = new("性别 {0}", "gender {0}");
    public static readonly Text RuleCities = new("城市 {0}", "city {0}");
    public static readonly Text RuleRecency = new("{0} 天内购买过", "bought within {0} days");
    public static readonly Text RuleInactive = new("至少 {0} 天未购买", "no purchase for {0}+ days");
    public static readonly Text RuleMinOrders = new("近一年订单 ≥ {0}", "orders in 365 days ≥ {0}");
    public static readonly Text RuleMaxOrders = new("近一年订单 ≤ {0}", "orders in 365 days ≤ {0}");
    public static readonly Text RuleMinSpend = new("近一年消费 ≥ {0}", "spend in 365 days ≥ {0}");
    public static readonly Text RuleStores = new("常去门店 {0} 家之一", "favourite store: one of {0}");
    public static readonly Text RuleTiers = new("会员等级 {0}", "member tier {0}");

    public static readonly Text NewSegment = new("新建分群", "New segment");
    public static readonly Text SegmentCities = new("城市（多个用逗号分隔）", "Cities (comma-separated)");
    public static readonly Text SegmentGender = new("性别", "Gender");
    public static readonly Text Female = new("女", "Female");
    public static readonly Text Male = new("男", "Male");
    public static readonly Text SegmentInactiveDays = new("至少多少天未购买", "No purchase for at least (days)");
    public static readonly Text SegmentMinOrders = new("近一年至少订单数", "At least orders in 365 days");
    public static readonly Text SegmentMinSpendYuan = new("近一年至少消费（元）", "At least spend in 365 days (yuan)");
    public static readonly Text PreviewSize = new("预估人数", "Preview size");
    public static readonly Text PreviewResult = new("当前符合条件：{0} 人", "Matching now: {0} customers");
    public static readonly Text Launch = new("发送", "Launch");
    public static readonly Text NoCampaigns = new("还没有营销活动。", "No campaigns yet.");
    public static readonly Text CampaignName = new("活动", "Campaign");
    public static readonly Text Scene = new("场景", "Scene");
    public static readonly Text LaunchedAt = new("发送时间", "Launched");
    public static readonly Text CampaignDraft = new("草稿", "Draft");
    public static readonly Text CampaignLaunched = new("已发送", "Launched");
    public static readonly Text CampaignLapsed = new("已过期（场景未出现）", "Lapsed (the scene did not come)");
    public static readonly Text AutoLaunchUntil = new("场景出现时自动发送，截止", "Sends itself when the scene comes, until");
    public static readonly Text ShowReport = new("查看效果", "Show report");
    public static readonly Text CampaignReport = new("活动效果：{0}", "Report: {0}");
    public static readonly Text Targeted = new("目标人数", "Targeted");
    public static readonly Text Reached = new("触达人数", "Reached");
    public static readonly Text TreatmentGroup = new("实验组", "Treatment");
    public static readonly Text ControlGroup = new("对照组", "Control");
    public static readonly Text ControlShare = new("对照组占比 {0}%", "Control share {0}%");
    public static readonly Text AttributionWindow = new("归因窗口 {0} 天，截至 {1}", "Attribution window {0} days, until {1}");
    public static readonly Text ConversionRate = new("转化率", "Conversion");
    public static readonly Text ConversionUplift = new("转化率提升 {0}（95% 置信区间 {1} 至 {2}）", "Conversion uplift {0} (95% CI {1} to {2})");
    public static readonly Text GmvPerCustomer = new("人均成交额", "GMV per customer");
    public static readonly Text IncrementalGmv = new("增量成交额", "Incremental GMV");
    public static readonly Text ConfidenceInterval = new("95% 置信区间 {0} 至 {1}", "95% CI {0} to {1}");
    public static readonly Text DiscountCost = new("优惠成本", "Discount cost");
    public static readonly Text ReturnOnInvestment = new("投入产出比（ROI）", "ROI");
    public static readonly Text NotAvailable = new("无法计算", "n/a");
    public static readonly Text ChannelSent = new("{0}：发送 {1}，跳过 {2}", "{0}: {1} sent, {2} skipped");
    public static readonly Text ChannelInbox = new("站内信", "In-app inbox");
    public static readonly Text ChannelSms = new("短信", "SMS");
    public static readonly Text ChannelWeChat = new("微信模板消息", "WeChat template");
    public static readonly Text UpliftExplained = new("增量 = （实验组人均 − 对照组人均）× 实验组人数；对照组未收到消息和优惠券。", "Incremental = (treatment mean − control mean) × treatment size; the control group got no message and no coupon.");

    public static readonly Text Inbox = new("消息", "Inbox");
    public static readonly Text OpenMessage = new("查看", "View");
    public static readonly Text InboxEmpty = new("暂无消息。", "No messages.");
    public static readonly Text MarkRead = new("标为已读", "Mark read");
    public static readonly Text MarkAllRead = new("全部已读", "Mark all read");
    public static readonly Text UnreadCount = new("{0} 条未读", "{0} unread");

    public static Text OfScene(string scene) => scene switch
    {
        "holiday" => new("节日", "Holiday"),
        "season" => new("季节", "Season"),
        "store_opening" => new("新店开业", "Store opening"),
        "weather" => new("天气", "Weather"),
        "time_of_day" => new("时段", "Time of day"),
        _ => new(scene + "（场景）", scene),
    };

    public static Text OfChannel(string channel) => channel switch
    {
        "inbox" => ChannelInbox,
        "sms" => ChannelSms,
        "wechat_template" => ChannelWeChat,
        _ => new(channel + "（渠道）", channel),
    };
}
