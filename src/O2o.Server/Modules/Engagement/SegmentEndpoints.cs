using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>Admins define segments by rule; saving one evaluates it over every customer at once, and it stays current incrementally.</summary>
internal static class SegmentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/segments").RequireAuthorization(Policies.Admin).WithTags("Segments and campaigns");
        admin.MapGet("", List).WithSummary("Every segment with its size");
        admin.MapGet("/{segmentId}", Get).WithSummary("One segment with its rule and size");
        admin.MapPost("", Create).WithSummary("Define a segment by rule; its members are evaluated at once");
        admin.MapPut("/{segmentId}", Update).WithSummary("Replace a segment's name and rule; its members are evaluated again");
        admin.MapDelete("/{segmentId}", Delete).WithSummary("Delete a segment no campaign targets");
        admin.MapPost("/preview", Preview).WithSummary("How many customers an unsaved rule selects now");
        SegmentMembers.Map(admin);
    }

    private static async Task<Ok<SegmentResponse[]>> List(HttpContext http, O2oDb db, CancellationToken ct)
    {
        var segments = await db.Set<Segment>().AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var sizes = await db.Set<SegmentMember>().AsNoTracking().GroupBy(m => m.SegmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(segments.Select(s => ToResponse(s, sizes.GetValueOrDefault(s.Id), http.PrefersEnglish())).ToArray());
    }

    private static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Get(string segmentId, HttpContext http, O2oDb db, CancellationToken ct)
    {
        if (await FindAsync(db, segmentId, ct) is not { } segment) return EngagementErrors.SegmentNotFound.ToProblem();
        var size = await db.Set<SegmentMember>().CountAsync(m => m.SegmentId == segment.Id, ct);
        return TypedResults.Ok(ToResponse(segment, size, http.PrefersEnglish()));
    }

    private static async Task<Results<Created<SegmentResponse>, ProblemHttpResult>> Create(SegmentRequest request, HttpContext http, O2oDb db,
        SegmentEvaluator evaluator, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is { } invalid) return invalid.ToProblem();
        var rule = SegmentRule.From(request.Rule);
        if (!rule.IsSuccess) return rule.Error!.ToProblem();
        var now = clock.GetUtcNow();
        var segment = new Segment { NameZh = request.Name!.Trim(), NameEn = request.NameEn?.Trim(), Rule = rule.Value.ToJson(), CreatedAt = now };
        db.Add(segment);
        var size = await db.InTransactionAsync(() => evaluator.EvaluateSegmentAsync(segment, now, ct), _ => true, ct);
        return TypedResults.Created($"/api/admin/segments/{segment.Id}", ToResponse(segment, size, http.PrefersEnglish()));
    }

    private static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Update(string segmentId, SegmentRequest request, HttpContext http, O2oDb db,
        SegmentEvaluator evaluator, TimeProvider clock, CancellationToken ct)
    {
        if (await FindAsync(db, segmentId, ct, tracked: true) is not { } segment) return EngagementErrors.SegmentNotFound.ToProblem();
        if (Validate(request) is { } invalid) return invalid.ToProblem();
        var rule = SegmentRule.From(request.Rule);
        if (!rule.IsSuccess) return rule.Error!.ToProblem();
        (segment.NameZh, segment.NameEn, segment.Rule) = (request.Name!.Trim(), request.NameEn?.Trim(), rule.Value.ToJson());
        var size = await db.InTransactionAsync(() => evaluator.EvaluateSegmentAsync(segment, clock.GetUtcNow(), ct), _ => true, ct);
        return TypedResults.Ok(ToResponse(segment, size, http.PrefersEnglish()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string segmentId, O2oDb db, CancellationToken ct)
    {
        if (await FindAsync(db, segmentId, ct, tracked: true) is not { } segment) return EngagementErrors.SegmentNotFound.ToProblem();
        if (await db.Set<Campaign>().AnyAsync(c => c.SegmentId == segment.Id, ct)) return EngagementErrors.SegmentInUse.ToProblem();
        await db.InTransactionAsync(async () =>
        {
            await db.Set<SegmentMember>().Where(m => m.SegmentId == segment.Id).ExecuteDeleteAsync(ct);
            db.Remove(segment);
            return await db.SaveChangesAsync(ct);
        }, _ => true, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SegmentPreviewResponse>, ProblemHttpResult>> Preview(SegmentPreviewRequest request, SegmentEvaluator evaluator,
        TimeProvider clock, CancellationToken ct)
    {
        var rule = SegmentRule.From(request.Rule);
        if (!rule.IsSuccess) return rule.Error!.ToProblem();
        return TypedResults.Ok(new SegmentPreviewResponse((await evaluator.MatchingAsync(rule.Value, clock.GetUtcNow(), ct)).Count));
    }

    internal static async Task<Segment?> FindAsync(O2oDb db, string segmentId, CancellationToken ct, bool tracked = false)
    {
        if (!Guid.TryParse(segmentId, out var id)) return null;
        var set = tracked ? db.Set<Segment>() : db.Set<Segment>().AsNoTracking();
        return await set.FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    private static Error? Validate(SegmentRequest request) =>
        new Validation().Text("name", request.Name, 60).Text("nameEn", request.NameEn, 60, required: false).Error;

    private static SegmentResponse ToResponse(Segment s, int size, bool english) =>
        new(s.Id.ToString(), english && s.NameEn is { Length: > 0 } ? s.NameEn : s.NameZh, s.NameZh, s.NameEn, SegmentRule.FromJson(s.Rule).ToDto(), size, s.EvaluatedAt);
}
