namespace O2o.Contracts;

/// <summary>
/// A segment rule: every condition given must hold (AND); a list holds when any of its values does (OR). Age bands: 18-24, 25-34,
/// 35-44, 45-54, 55+ (and under-18); recencyDays: bought within that many days; inactiveDays: no purchase for at least that many
/// days (or never); orders and spend over the last 365 days; tiers 1 member, 2 silver, 3 gold, 4 diamond.
/// </summary>
public sealed record SegmentRuleDto(string[]? AgeBands = null, string[]? Genders = null, string[]? Cities = null, int? RecencyDays = null,
    int? InactiveDays = null, int? MinOrders = null, int? MaxOrders = null, long? MinSpendFen = null, string[]? FavouriteStoreIds = null, int[]? Tiers = null);

public sealed record SegmentRequest(string? Name, string? NameEn, SegmentRuleDto? Rule);
public sealed record SegmentPreviewRequest(SegmentRuleDto? Rule);
public sealed record SegmentResponse(string Id, string Name, string NameZh, string? NameEn, SegmentRuleDto Rule, int Size, DateTimeOffset EvaluatedAt);
public sealed record SegmentPreviewResponse(int Size);
public sealed record SegmentMemberResponse(string CustomerId, DateTimeOffset Since, DateTimeOffset? LastPurchaseAt, int Orders365, long Spend365Fen, int Tier);

public sealed record InboxItemResponse(string Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
/// <summary>One page of the inbox, newest first, with the number of unread messages in all pages.</summary>
public sealed record InboxResponse(InboxItemResponse[] Items, int UnreadCount, int Total);

/// <summary>
/// A campaign: a segment, a scene (holiday, season, store_opening, weather, time_of_day with its parameter), channels (inbox, sms,
/// wechat_template), an optional coupon definition issued to the treatment group, the control share in percent (0 to 50, default 10)
/// and the attribution window in days (1 to 60, default 14).
/// </summary>
/// <summary>
/// <paramref name="AutoLaunch"/>: the platform launches the campaign itself, the first time its scene holds between
/// <paramref name="LaunchFrom"/> (default now) and <paramref name="LaunchUntil"/>; otherwise an admin launches it.
/// </summary>
public sealed record MarketingCampaignRequest(string? Name, string? NameEn, string? SegmentId, string? Scene, string? SceneParameter, string[]? Channels,
    string? CouponPromotionId, int? ControlPercent, int? AttributionDays, string? TitleZh, string? TitleEn, string? BodyZh, string? BodyEn,
    bool? AutoLaunch = null, DateTimeOffset? LaunchFrom = null, DateTimeOffset? LaunchUntil = null);

/// <summary><paramref name="Status"/>: draft, launched, or lapsed (an automatic campaign whose scene did not come in its window).</summary>
public sealed record MarketingCampaignResponse(string Id, string Name, string NameZh, string? NameEn, string SegmentId, string Scene, string? SceneParameter,
    string[] Channels, string? CouponPromotionId, int ControlPercent, int AttributionDays, string TitleZh, string TitleEn, string BodyZh, string BodyEn,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int Targeted, int ControlSize,
    bool AutoLaunch, DateTimeOffset? LaunchFrom, DateTimeOffset? LaunchUntil);

/// <summary>The weather now in a city, as a feed (or an operator) reports it; weather scenes are read from it.</summary>
public sealed record WeatherReportRequest(string? Condition);

public sealed record WeatherReportResponse(string City, string Condition, DateTimeOffset ReportedAt, bool Current);

public sealed record MarketingCampaignLaunchResponse(string Id, int Targeted, int TreatmentSize, int ControlSize, int Messages, int Coupons);

/// <summary>One group of a launched campaign: customers, those with a paid order in the window, and their GMV (net of refunds).</summary>
public sealed record MarketingCampaignGroupFigures(int Customers, int Converted, double ConversionRate, long GmvFen, long GmvPerCustomerFen);

/// <summary>An estimate with its 95% confidence interval; null figures when a group is too small to estimate.</summary>
public sealed record RateEstimate(double Value, double Low, double High);
public sealed record MoneyEstimate(long ValueFen, long LowFen, long HighFen);

/// <summary>
/// Reach, conversion of treatment against control, incremental GMV ((mean treatment − mean control) × treatment size, 95% CI by Welch's
/// standard error), the discount the campaign's coupons gave, and ROI = (incremental GMV − discount) / discount (null without discount).
/// </summary>
public sealed record MarketingCampaignReportResponse(string CampaignId, string Name, string Status, DateTimeOffset? LaunchedAt, DateTimeOffset? WindowEndsAt,
    bool WindowClosed, int Targeted, int Reached, MarketingCampaignChannelFigures[] Channels, MarketingCampaignGroupFigures Treatment, MarketingCampaignGroupFigures Control,
    RateEstimate? ConversionUplift, MoneyEstimate? GmvPerCustomerUplift, MoneyEstimate? IncrementalGmv, long DiscountCostFen, double? Roi, string? Note);

public sealed record MarketingCampaignChannelFigures(string Channel, int Sent, int Skipped);

/// <summary>A message a development sink kept instead of sending: the SMS text or the WeChat template's JSON; the recipient masked.</summary>
public sealed record OutboundMessageResponse(string Id, string Channel, string CustomerId, string Recipient, string? TemplateId, string Content, DateTimeOffset CreatedAt);
