using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>A customer's own membership: points, tier, the points ledger, and the tier table everyone may read.</summary>
internal static class MyMembership
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/loyalty/tiers", Tiers).AllowAnonymous().WithTags("Loyalty").WithSummary("Membership tiers: the 12-month spend each needs, its points rate and benefits");
        var me = api.MapGroup("/me/loyalty").RequireAuthorization(Policies.Customer).WithTags("Loyalty");
        me.MapGet("", Get).WithSummary("My points, tier, progress to the next tier and points expiring soon");
        me.MapGet("/ledger", Ledger).WithSummary("My points ledger, newest first (X-Total-Count)");
    }

    private static async Task<Ok<LoyaltyResponse>> Get(ClaimsPrincipal principal, HttpContext http, O2oDb db, LoyaltyFacade loyalty,
        IOptions<LoyaltyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        var customer = Actor.From(principal).UserId;
        var now = clock.GetUtcNow();
        // One read of the member row, so the points and the spend shown come from the same moment.
        var member = await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(m => m.CustomerId == customer, ct);
        var points = (member?.Balance ?? 0) - await loyalty.LapsedAsync(customer, ct);
        var soon = now.AddDays(30);
        var expiring = await db.Set<PointsLot>().AsNoTracking().Where(l => l.CustomerId == customer && l.Remaining > 0 && l.ExpiresAt > now && l.ExpiresAt <= soon)
            .Select(l => new { l.Remaining, l.ExpiresAt }).ToListAsync(ct);
        var english = http.PrefersEnglish();
        var tier = o.Tier(member?.Tier ?? MemberTiers.Member);
        var spend = member?.RollingSpendFen ?? 0;
        var next = o.Tiers.Where(t => t.Tier > tier.Tier).MinBy(t => t.Tier);
        var today = LocalDay(o, now);
        return TypedResults.Ok(new LoyaltyResponse(points, points * o.FenPerPoint, View(tier, english), spend, next is null ? null : View(next, english),
            next is null ? null : Math.Max(0, next.SpendFen - spend), expiring.Sum(l => l.Remaining), expiring.Count == 0 ? null : expiring.Min(l => l.ExpiresAt), member?.LastSignIn == today,
            member is { LastSignIn: { } last } && last >= today.AddDays(-1) ? member.SignInStreak : 0, o.FenPerPoint, o.MinRedeemPoints, o.MaxRedeemPercent));
    }

    private static async Task<Results<Ok<PointsEntryResponse[]>, ProblemHttpResult>> Ledger(int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, 200);
        if (v.Error is not null) return v.Error.ToProblem();
        var customer = Actor.From(principal).UserId;
        var entries = await Paging.PageAsync(db.Set<PointsEntry>().AsNoTracking().Where(e => e.CustomerId == customer).OrderByDescending(e => e.At).ThenByDescending(e => e.Id),
            page, pageSize, http, ct);
        var ids = entries.Select(e => e.Id).ToList();
        var expiries = await db.Set<PointsLot>().AsNoTracking().Where(l => ids.Contains(l.EntryId)).ToDictionaryAsync(l => l.EntryId, l => l.ExpiresAt, ct);
        return TypedResults.Ok(entries.Select(e => new PointsEntryResponse(e.Id.ToString(), e.Kind, e.Points, e.OrderId?.ToString(), e.Note, e.At,
            expiries.TryGetValue(e.Id, out var until) ? until : null)).ToArray());
    }

    private static Ok<TierResponse[]> Tiers(HttpContext http, IOptions<LoyaltyOptions> options) =>
        TypedResults.Ok(options.Value.Tiers.OrderBy(t => t.Tier).Select(t => View(t, http.PrefersEnglish())).ToArray());

    public static TierResponse View(TierDefinition t, bool english)
    {
        var benefits = new List<string>
        {
            english ? $"{t.EarnPercent / 100m:0.##}× points on every order" : $"每单 {t.EarnPercent / 100m:0.##} 倍积分",
        };
        if (t.Tier > MemberTiers.Member)
            benefits.Add(english ? "Welcome coupons on reaching the tier, and prices and free delivery for this tier where a store offers them"
                : "升级礼券，以及门店为该等级设置的会员价与免配送费");
        else benefits.Add(english ? "Member prices" : "会员价");
        return new TierResponse(t.Tier, english ? t.NameEn : t.NameZh, t.SpendFen, t.EarnPercent, [.. benefits]);
    }

    public static DateOnly LocalDay(LoyaltyOptions o, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone)).DateTime);
}
