using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>What the development sinks kept instead of sending (SMS texts, WeChat template messages), for platform admins to inspect.</summary>
internal static class ListOutbound
{
    private const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/engagement/outbound", List).RequireAuthorization(Policies.PlatformAdmin).WithTags("Segments and campaigns")
            .WithSummary("Messages the SMS and WeChat development sinks kept instead of sending, newest first, paged; the phone number is masked");

    private static async Task<Results<Ok<OutboundMessageResponse[]>, ProblemHttpResult>> List(string? channel, int? page, int? pageSize, HttpContext http,
        O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, MaxPageSize);
        if (channel is not null && !Channels.All.Contains(channel)) v.Add("channel", $"One of {string.Join(", ", Channels.All)}.");
        if (v.Error is not null) return v.Error.ToProblem();
        var query = db.Set<OutboundMessage>().AsNoTracking().Where(m => channel == null || m.Channel == channel);
        var messages = await Paging.PageAsync(query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id), page, pageSize, http, ct);
        return TypedResults.Ok(messages.Select(m => new OutboundMessageResponse(m.Id.ToString(), m.Channel, m.CustomerId, Mask(m.Recipient), m.TemplateId,
            m.Content, m.CreatedAt)).ToArray());
    }

    /// <summary>138****8000: enough to tell numbers apart, not to call them.</summary>
    private static string Mask(string recipient) =>
        recipient.StartsWith("customer:", StringComparison.Ordinal) || recipient.Length < 7 ? recipient : recipient[..3] + "****" + recipient[^4..];
}
