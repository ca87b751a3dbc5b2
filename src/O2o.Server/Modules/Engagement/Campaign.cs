using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>A message (and optionally a coupon) for a segment in a scene, sent once to a treatment group while a random control group gets nothing.</summary>
internal sealed class Campaign
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The merchant of the admin who created it; null for a platform admin's.</summary>
    public Guid? MerchantId { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public Guid SegmentId { get; init; }
    public required string Scene { get; init; }
    public string? SceneParameter { get; init; }
    public List<string> Channels { get; init; } = [];
    public Guid? CouponPromotionId { get; init; }
    public int ControlPercent { get; init; }
    public int AttributionDays { get; init; }
    public required string TitleZh { get; init; }
    public required string TitleEn { get; init; }
    public required string BodyZh { get; init; }
    public required string BodyEn { get; init; }
    /// <summary>
    /// draft, then launched (changed by a conditional update, so two launches cannot both send), or lapsed when an automatic campaign's
    /// window passed without its scene.
    /// </summary>
    public string Status { get; init; } = CampaignStatus.Draft;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LaunchedAt { get; init; }
    public int Targeted { get; init; }
    public int ControlSize { get; init; }
    /// <summary>Launched by <see cref="CampaignScheduler"/> the first time its scene holds within [LaunchFrom, LaunchUntil).</summary>
    public bool AutoLaunch { get; init; }
    public DateTimeOffset? LaunchFrom { get; init; }
    public DateTimeOffset? LaunchUntil { get; init; }

    /// <summary>
    /// Whether the customer is held out. A hash of campaign and customer, so the split is random across customers but the same on every
    /// node and every rerun of the same campaign.
    /// </summary>
    public static bool IsControl(Guid campaignId, string customerId, int controlPercent)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{campaignId:N}:{customerId}"));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000 < (ulong)controlPercent * 100;
    }
}

internal static class CampaignStatus
{
    public const string Draft = "draft";
    public const string Launched = "launched";
    public const string Lapsed = "lapsed";
}

/// <summary>The latest weather reported for a city; a report older than <see cref="CampaignScenes.WeatherValidFor"/> no longer counts.</summary>
internal sealed class WeatherReport
{
    public required string City { get; init; }
    public required string Condition { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}

/// <summary>A customer of the segment at launch, in the treatment or the control group.</summary>
internal sealed class CampaignTarget
{
    public Guid CampaignId { get; init; }
    public required string CustomerId { get; init; }
    public bool InControl { get; init; }
}

/// <summary>What one channel did for one treated customer: sent, or skipped (no phone for SMS, say). Its key makes a resend a no-op.</summary>
internal sealed class CampaignDelivery
{
    public Guid CampaignId { get; init; }
    public required string CustomerId { get; init; }
    public required string Channel { get; init; }
    public bool Sent { get; init; }
    public DateTimeOffset At { get; init; }
}

internal static class CampaignPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Campaign>(e =>
        {
            e.ToTable("engagement_campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.NameZh).HasMaxLength(60);
            e.Property(c => c.NameEn).HasMaxLength(60);
            e.Property(c => c.Scene).HasMaxLength(16);
            e.Property(c => c.SceneParameter).HasMaxLength(60);
            e.Property(c => c.Channels).HasDelimitedConversion(',', c => c, c => c, 100);
            e.Property(c => c.TitleZh).HasMaxLength(40);
            e.Property(c => c.TitleEn).HasMaxLength(80);
            e.Property(c => c.BodyZh).HasMaxLength(500);
            e.Property(c => c.BodyEn).HasMaxLength(800);
            e.Property(c => c.Status).HasMaxLength(16);
            e.HasIndex(c => c.SegmentId);
            e.HasIndex(c => c.CreatedAt);
            e.HasIndex(c => new { c.Status, c.AutoLaunch, c.LaunchFrom });
        });
        builder.Entity<WeatherReport>(e =>
        {
            e.ToTable("engagement_weather");
            e.HasKey(w => w.City);
            e.Property(w => w.City).HasMaxLength(40);
            e.Property(w => w.Condition).HasMaxLength(16);
        });
        builder.Entity<CampaignTarget>(e =>
        {
            e.ToTable("engagement_campaign_targets");
            e.HasKey(t => new { t.CampaignId, t.CustomerId });
            e.Property(t => t.CustomerId).HasMaxLength(64);
        });
        builder.Entity<CampaignDelivery>(e =>
        {
            e.ToTable("engagement_campaign_deliveries");
            e.HasKey(d => new { d.CampaignId, d.CustomerId, d.Channel });
            e.Property(d => d.CustomerId).HasMaxLength(64);
            e.Property(d => d.Channel).HasMaxLength(32);
        });
    }
}
