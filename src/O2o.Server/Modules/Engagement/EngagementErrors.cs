using O2o.Server.Kernel;

namespace O2o.Server.Modules.Engagement;

/// <summary>Every error of segments, campaigns and the inbox, with its stable code.</summary>
internal static class EngagementErrors
{
    public static readonly Error SegmentNotFound = Error.NotFound("segment_not_found", "The segment");
    public static readonly Error CampaignNotFound = Error.NotFound("campaign_not_found", "The campaign");
    public static readonly Error MessageNotFound = Error.NotFound("inbox_message_not_found", "The message");
    public static readonly Error EmptyRule = new("segment_rule_empty", 400, "The segment rule is empty",
        "A segment needs at least one condition (age band, gender, city, recency, inactivity, orders, spend, favourite store or tier).");
    public static readonly Error SegmentInUse = Error.Conflict("segment_in_use", "A campaign targets this segment; it cannot be deleted.");
    public static readonly Error AlreadyLaunched = Error.Conflict("campaign_already_launched", "The campaign has already been launched; it is sent once.");
    public static readonly Error Lapsed = Error.Conflict("campaign_lapsed", "The campaign's launch window passed without its scene; it is no longer sent.");
    public static readonly Error SegmentEmpty = Error.Unprocessable("campaign_segment_empty", "The campaign's segment has no members now; there is nobody to send to.");

    /// <summary>Conditions that no customer can meet together.</summary>
    public static Error Contradiction(string detail, string detailZh) =>
        new("segment_rule_contradicts", 400, "The segment rule contradicts itself", detail) { DetailZh = detailZh };
}
