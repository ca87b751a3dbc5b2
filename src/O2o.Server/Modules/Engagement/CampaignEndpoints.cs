using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>Admins create campaigns for a segment and a scene, launch them once, and read their report. A merchant admin sees only their own.</summary>
internal static class CampaignEndpoints
{
    public const int DefaultControlPercent = 10, MaxControlPercent = 50, DefaultAttributionDays = 14, MaxAttributionDays = 60, MaxLaunchWindowDays = 90;

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/campaigns").RequireAuthorization(Policies.Admin).WithTags("Segments and campaigns");
        admin.MapGet("", List).WithSummary("Campaigns, newest first");
        admin.MapGet("/{campaignId}", Get).WithSummary("One campaign");
        admin.MapPost("", Create).WithSummary("Create a campaign (draft) for a segment, a scene and channels, with a control share and an attribution window; "
            + "with autoLaunch it launches itself the first time its scene holds in its launch window");
        admin.MapPost("/{campaignId}/launch", Launch).WithSummary("Send the campaign once: split the segment into treatment and control, message and give coupons to the treatment");
        admin.MapGet("/{campaignId}/report", Report).WithSummary("Reach, conversion against control, incremental GMV with its 95% interval, discount cost and ROI");
    }

    private static async Task<Ok<MarketingCampaignResponse[]>> List(ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => actor.IsPlatformAdmin || c.MerchantId == actor.MerchantId)
            .OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(campaigns.Select(c => ToResponse(c, http.PrefersEnglish())).ToArray());
    }

    private static async Task<Results<Ok<MarketingCampaignResponse>, ProblemHttpResult>> Get(string campaignId, ClaimsPrincipal principal, HttpContext http, O2oDb db,
        CancellationToken ct) =>
        await FindAsync(db, campaignId, Actor.From(principal), ct) is { } campaign
            ? TypedResults.Ok(ToResponse(campaign, http.PrefersEnglish()))
            : EngagementErrors.CampaignNotFound.ToProblem();

    private static async Task<Results<Created<MarketingCampaignResponse>, ProblemHttpResult>> Create(MarketingCampaignRequest r, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, IStores stores, IPromotions promotions, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var v = new Validation().Text("name", r.Name, 60).Text("nameEn", r.NameEn, 60, required: false)
            .Text("titleZh", r.TitleZh, 40).Text("titleEn", r.TitleEn, 80).Text("bodyZh", r.BodyZh, 500).Text("bodyEn", r.BodyEn, 800)
            .Range("controlPercent", r.ControlPercent, 0, MaxControlPercent, required: false)
            .Range("attributionDays", r.AttributionDays, 1, MaxAttributionDays, required: false)
            .Id("segmentId", r.SegmentId, out var segmentId).Id("couponPromotionId", r.CouponPromotionId, out var promotionId, required: false);
        if (r.Channels is not { Length: > 0 } || r.Channels.Any(c => !Channels.All.Contains(c)))
            v.Add("channels", $"At least one of {string.Join(", ", Channels.All)}.");
        await CampaignScenes.CheckAsync(v, r.Scene, r.SceneParameter, stores, ct);
        var now = clock.GetUtcNow();
        var launchFrom = (r.LaunchFrom ?? now).ToUniversalTime(); // PostgreSQL keeps instants in UTC
        if (r.AutoLaunch == true)
        {
            if (r.LaunchUntil is not { } until) v.Add("launchUntil", "An automatic campaign needs the end of its launch window.");
            else if (until <= now || until <= launchFrom) v.Add("launchUntil", "Must be in the future and after launchFrom.");
            else if (until - launchFrom > TimeSpan.FromDays(MaxLaunchWindowDays)) v.Add("launchUntil", $"The launch window is at most {MaxLaunchWindowDays} days.");
        }
        else if (r.LaunchFrom is not null || r.LaunchUntil is not null)
            v.Add("autoLaunch", "A launch window is only for an automatic campaign (autoLaunch: true).");
        if (v.Error is not null) return v.Error.ToProblem();
        if (!await db.Set<Segment>().AnyAsync(s => s.Id == segmentId, ct)) return EngagementErrors.SegmentNotFound.ToProblem();
        if (r.CouponPromotionId is not null && await promotions.CheckIssuableAsync(promotionId, actor.IsPlatformAdmin ? null : actor.MerchantId ?? Guid.Empty, ct) is { } refused)
            return refused.ToProblem();

        var campaign = new Campaign
        {
            MerchantId = actor.IsPlatformAdmin ? null : actor.MerchantId, NameZh = r.Name!.Trim(), NameEn = r.NameEn?.Trim(), SegmentId = segmentId,
            Scene = r.Scene!, SceneParameter = r.SceneParameter?.Trim(), Channels = [.. r.Channels!.Distinct()],
            CouponPromotionId = r.CouponPromotionId is null ? null : promotionId, ControlPercent = r.ControlPercent ?? DefaultControlPercent,
            AttributionDays = r.AttributionDays ?? DefaultAttributionDays, TitleZh = r.TitleZh!.Trim(), TitleEn = r.TitleEn!.Trim(),
            BodyZh = r.BodyZh!.Trim(), BodyEn = r.BodyEn!.Trim(), CreatedAt = now,
            AutoLaunch = r.AutoLaunch == true, LaunchFrom = r.AutoLaunch == true ? launchFrom : null, LaunchUntil = r.AutoLaunch == true ? r.LaunchUntil!.Value.ToUniversalTime() : null,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/campaigns/{campaign.Id}", ToResponse(campaign, http.PrefersEnglish()));
    }

    private static async Task<Results<Ok<MarketingCampaignLaunchResponse>, ProblemHttpResult>> Launch(string campaignId, ClaimsPrincipal principal, O2oDb db,
        CampaignLauncher launcher, CancellationToken ct)
    {
        if (await FindAsync(db, campaignId, Actor.From(principal), ct) is not { } campaign) return EngagementErrors.CampaignNotFound.ToProblem();
        var launched = await launcher.LaunchAsync(campaign, ct);
        return launched.IsSuccess ? TypedResults.Ok(launched.Value) : launched.Error!.ToProblem();
    }

    private static async Task<Results<Ok<MarketingCampaignReportResponse>, ProblemHttpResult>> Report(string campaignId, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, CampaignReports reports, CancellationToken ct) =>
        await FindAsync(db, campaignId, Actor.From(principal), ct) is { } campaign
            ? TypedResults.Ok(await reports.ReportAsync(campaign, http.PrefersEnglish(), ct))
            : EngagementErrors.CampaignNotFound.ToProblem();

    private static async Task<Campaign?> FindAsync(O2oDb db, string campaignId, Actor actor, CancellationToken ct) =>
        Guid.TryParse(campaignId, out var id)
            ? await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && (actor.IsPlatformAdmin || c.MerchantId == actor.MerchantId), ct)
            : null;

    private static MarketingCampaignResponse ToResponse(Campaign c, bool english) => new(c.Id.ToString(), english && c.NameEn is { Length: > 0 } ? c.NameEn : c.NameZh,
        c.NameZh, c.NameEn, c.SegmentId.ToString(), c.Scene, c.SceneParameter, [.. c.Channels], c.CouponPromotionId?.ToString(), c.ControlPercent,
        c.AttributionDays, c.TitleZh, c.TitleEn, c.BodyZh, c.BodyEn, c.Status, c.CreatedAt, c.LaunchedAt, c.Targeted, c.ControlSize,
        c.AutoLaunch, c.LaunchFrom, c.LaunchUntil);
}
