using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>A segment's members a page at a time, with the figures that put them there.</summary>
internal static class SegmentMembers
{
    private const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder admin) =>
        // Who is in a segment is the platform's to see: customers shop across merchants, so a merchant admin sees sizes, not people.
        admin.MapGet("/{segmentId}/members", List).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("A segment's members, paged (X-Total-Count), longest members first (platform admins)");

    private static async Task<Results<Ok<SegmentMemberResponse[]>, ProblemHttpResult>> List(string segmentId, int? page, int? pageSize, HttpContext http,
        O2oDb db, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, MaxPageSize).Error is { } invalid) return invalid.ToProblem();
        if (await SegmentEndpoints.FindAsync(db, segmentId, ct) is not { } segment) return EngagementErrors.SegmentNotFound.ToProblem();
        var members = await Paging.PageAsync(db.Set<SegmentMember>().AsNoTracking().Where(m => m.SegmentId == segment.Id)
            .OrderBy(m => m.Since).ThenBy(m => m.CustomerId), page, pageSize, http, ct);
        var ids = members.Select(m => m.CustomerId).ToList();
        var features = await db.Set<CustomerFeatures>().AsNoTracking().Where(f => ids.Contains(f.CustomerId)).ToDictionaryAsync(f => f.CustomerId, ct);
        return TypedResults.Ok(members.Select(m =>
        {
            var f = features.GetValueOrDefault(m.CustomerId);
            return new SegmentMemberResponse(m.CustomerId, m.Since, f?.LastPurchaseAt, f?.Orders365 ?? 0, f?.Spend365Fen ?? 0, f?.Tier ?? 1);
        }).ToArray());
    }
}
