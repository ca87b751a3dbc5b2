using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>The customer's in-app inbox: campaign messages, tier changes and what other modules send; someone else's message is 404.</summary>
internal static class InboxEndpoints
{
    private const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me/inbox").RequireAuthorization(Policies.Customer).WithTags("Inbox");
        me.MapGet("", List).WithSummary("My messages, newest first, paged, with the unread count");
        me.MapPost("/{messageId}/read", Read).WithSummary("Mark one of my messages read");
        me.MapPost("/read-all", ReadAll).WithSummary("Mark all my messages read");
    }

    private static async Task<Results<Ok<InboxResponse>, ProblemHttpResult>> List(int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, MaxPageSize).Error is { } invalid) return invalid.ToProblem();
        var customer = Actor.From(principal).UserId;
        var mine = db.Set<InboxEntry>().AsNoTracking().Where(m => m.CustomerId == customer);
        var messages = await Paging.PageAsync(mine.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id), page, pageSize, http, ct);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        var total = await mine.CountAsync(ct);
        var english = http.PrefersEnglish();
        return TypedResults.Ok(new InboxResponse([.. messages.Select(m => new InboxItemResponse(m.Id.ToString(), m.Kind, english ? m.TitleEn : m.TitleZh,
            english ? m.BodyEn : m.BodyZh, m.Link, m.CreatedAt, m.ReadAt))], unread, total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(string messageId, ClaimsPrincipal principal, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        if (!Guid.TryParse(messageId, out var id) || !await db.Set<InboxEntry>().AnyAsync(m => m.Id == id && m.CustomerId == customer, ct))
            return EngagementErrors.MessageNotFound.ToProblem();
        var now = clock.GetUtcNow();
        await db.Set<InboxEntry>().Where(m => m.Id == id && m.CustomerId == customer && m.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReadAt, now), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAll(ClaimsPrincipal principal, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        var now = clock.GetUtcNow();
        await db.Set<InboxEntry>().Where(m => m.CustomerId == customer && m.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.ReadAt, now), ct);
        return TypedResults.NoContent();
    }
}
