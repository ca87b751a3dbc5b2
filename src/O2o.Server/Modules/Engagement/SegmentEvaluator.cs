using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>Materialises segment membership: one customer against every segment when their features change, or one segment against everybody.</summary>
internal sealed class SegmentEvaluator(O2oDb db)
{
    private const int DeleteChunk = 500;

    public async Task EvaluateCustomerAsync(CustomerFeatures features, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await db.Set<Segment>().AsNoTracking().Select(s => new { s.Id, s.Rule }).ToListAsync(ct);
        var current = (await db.Set<SegmentMember>().AsNoTracking().Where(m => m.CustomerId == features.CustomerId)
            .Select(m => m.SegmentId).ToListAsync(ct)).ToHashSet();
        var matching = rules.Where(r => SegmentRule.FromJson(r.Rule).Matches(features, now)).Select(r => r.Id).ToHashSet();
        foreach (var joined in matching.Where(id => !current.Contains(id)))
            db.Add(new SegmentMember { SegmentId = joined, CustomerId = features.CustomerId, Since = now });
        var left = current.Where(id => !matching.Contains(id)).ToList();
        if (left.Count > 0)
            await db.Set<SegmentMember>().Where(m => m.CustomerId == features.CustomerId && left.Contains(m.SegmentId)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Evaluates the segment over every customer's features and writes only the difference; the number of members.</summary>
    public async Task<int> EvaluateSegmentAsync(Segment segment, DateTimeOffset now, CancellationToken ct)
    {
        var matching = await MatchingAsync(SegmentRule.FromJson(segment.Rule), now, ct);
        var current = (await db.Set<SegmentMember>().AsNoTracking().Where(m => m.SegmentId == segment.Id).Select(m => m.CustomerId).ToListAsync(ct)).ToHashSet();
        db.AddRange(matching.Where(c => !current.Contains(c)).Select(c => new SegmentMember { SegmentId = segment.Id, CustomerId = c, Since = now }));
        foreach (var chunk in current.Where(c => !matching.Contains(c)).Chunk(DeleteChunk))
            await db.Set<SegmentMember>().Where(m => m.SegmentId == segment.Id && chunk.Contains(m.CustomerId)).ExecuteDeleteAsync(ct);
        segment.EvaluatedAt = now;
        await db.SaveChangesAsync(ct);
        return matching.Count;
    }

    /// <summary>The customers a rule selects now, streamed over the features table.</summary>
    public async Task<HashSet<string>> MatchingAsync(SegmentRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var matching = new HashSet<string>();
        await foreach (var features in db.Set<CustomerFeatures>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            if (rule.Matches(features, now)) matching.Add(features.CustomerId);
        return matching;
    }
}
