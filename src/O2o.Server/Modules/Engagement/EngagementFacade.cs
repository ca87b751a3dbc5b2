using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

internal sealed class EngagementFacade(O2oDb db, TimeProvider clock) : IEngagement
{
    public async Task<IReadOnlyList<Guid>> SegmentIdsOfAsync(string customerId, CancellationToken ct) =>
        await db.Set<SegmentMember>().AsNoTracking().Where(m => m.CustomerId == customerId).Select(m => m.SegmentId).ToListAsync(ct);

    public async Task<IReadOnlySet<Guid>> ExistingSegmentsAsync(IReadOnlyCollection<Guid> segmentIds, CancellationToken ct) =>
        (await db.Set<Segment>().AsNoTracking().Where(s => segmentIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();

    public async Task SendAsync(InboxMessage message, string? dedupeKey, CancellationToken ct)
    {
        if (dedupeKey is not null && (db.ChangeTracker.Entries<InboxEntry>().Any(e => e.Entity.DedupeKey == dedupeKey)
            || await db.Set<InboxEntry>().AnyAsync(m => m.DedupeKey == dedupeKey, ct))) return;
        db.Add(new InboxEntry
        {
            CustomerId = message.CustomerId, Kind = Clip(message.Kind, 32), TitleZh = Clip(message.TitleZh, 100), TitleEn = Clip(message.TitleEn, 100),
            BodyZh = Clip(message.BodyZh, 1000), BodyEn = Clip(message.BodyEn, 1000), Link = message.Link, DedupeKey = dedupeKey, CreatedAt = clock.GetUtcNow(),
        });
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
