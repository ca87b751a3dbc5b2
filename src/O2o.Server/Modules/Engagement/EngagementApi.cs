namespace O2o.Server.Modules.Engagement;

/// <summary>A message for a customer's in-app inbox, in Chinese and English. <paramref name="Kind"/>: campaign, tier, order, ...</summary>
public sealed record InboxMessage(string CustomerId, string Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn, string? Link = null);

/// <summary>The Engagement module's facade: which segments a customer is in (for pricing), and the in-app inbox.</summary>
public interface IEngagement
{
    /// <summary>The ids of the segments the customer is a member of now (materialised, kept up to date incrementally).</summary>
    Task<IReadOnlyList<Guid>> SegmentIdsOfAsync(string customerId, CancellationToken ct);

    /// <summary>Which of these segment ids exist.</summary>
    Task<IReadOnlySet<Guid>> ExistingSegmentsAsync(IReadOnlyCollection<Guid> segmentIds, CancellationToken ct);

    /// <summary>
    /// Puts a message into the customer's inbox in the caller's unit of work (saved with the caller's changes). A message with a
    /// <paramref name="dedupeKey"/> is written once, however often it is sent.
    /// </summary>
    Task SendAsync(InboxMessage message, string? dedupeKey, CancellationToken ct);
}
