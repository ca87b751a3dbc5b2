using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Engagement;

/// <summary>What segments are evaluated on, one row per customer, kept up to date from events (never read from other modules' tables).</summary>
internal sealed class CustomerFeatures
{
    public required string CustomerId { get; init; }
    public DateOnly? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? City { get; set; }
    public DateTimeOffset? LastPurchaseAt { get; set; }
    /// <summary>Paid orders (not refunded in full) and their spend net of refunds over the last 365 days.</summary>
    public int Orders365 { get; set; }
    public long Spend365Fen { get; set; }
    /// <summary>The store with the most paid orders.</summary>
    public Guid? FavouriteStoreId { get; set; }
    public int Tier { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A paid order as Engagement keeps it, for recency, frequency and monetary windows and campaign conversions.</summary>
internal sealed class Purchase
{
    public Guid OrderId { get; init; }
    public required string CustomerId { get; init; }
    public Guid StoreId { get; init; }
    public long AmountFen { get; init; }
    public long RefundedFen { get; set; }
    public DateTimeOffset PaidAt { get; init; }
}

/// <summary>A refund applied to a purchase; its key makes a redelivered event change nothing.</summary>
internal sealed class PurchaseRefund
{
    public Guid RefundId { get; init; }
    public Guid OrderId { get; init; }
    public long AmountFen { get; init; }
}

internal sealed class Segment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    /// <summary>The <see cref="SegmentRule"/> as JSON.</summary>
    public required string Rule { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset EvaluatedAt { get; set; }
}

internal sealed class SegmentMember
{
    public Guid SegmentId { get; init; }
    public required string CustomerId { get; init; }
    public DateTimeOffset Since { get; init; }
}

internal sealed class InboxEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CustomerId { get; init; }
    public required string Kind { get; init; }
    public required string TitleZh { get; init; }
    public required string TitleEn { get; init; }
    public required string BodyZh { get; init; }
    public required string BodyEn { get; init; }
    public string? Link { get; init; }
    /// <summary>Unique when set: the same message (a tier change, a campaign's message) is written once.</summary>
    public string? DedupeKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>A message a development sink rendered instead of sending it (SMS, WeChat template), kept to be inspected.</summary>
internal sealed class OutboundMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Channel { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>The phone number or WeChat openid it would go to.</summary>
    public required string Recipient { get; init; }
    public string? TemplateId { get; init; }
    /// <summary>The SMS text, or the template's data fields as JSON.</summary>
    public required string Content { get; init; }
    public required string DedupeKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The day a daily job last ran; a conditional update lets one node of many take each day.</summary>
internal sealed class JobRun
{
    public required string Name { get; init; }
    public DateOnly Day { get; init; }
}

internal static class EngagementPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CustomerFeatures>(e =>
        {
            e.ToTable("engagement_customer_features");
            e.HasKey(f => f.CustomerId);
            e.Property(f => f.CustomerId).HasMaxLength(64);
            e.Property(f => f.Gender).HasMaxLength(8);
            e.Property(f => f.City).HasMaxLength(40);
        });
        builder.Entity<Purchase>(e =>
        {
            e.ToTable("engagement_purchases");
            e.HasKey(p => p.OrderId);
            e.Property(p => p.CustomerId).HasMaxLength(64);
            e.HasIndex(p => new { p.CustomerId, p.PaidAt });
            e.HasIndex(p => p.PaidAt);
        });
        builder.Entity<PurchaseRefund>(e =>
        {
            e.ToTable("engagement_purchase_refunds");
            e.HasKey(r => r.RefundId);
        });
        builder.Entity<Segment>(e =>
        {
            e.ToTable("engagement_segments");
            e.HasKey(s => s.Id);
            e.Property(s => s.NameZh).HasMaxLength(60);
            e.Property(s => s.NameEn).HasMaxLength(60);
            e.Property(s => s.Rule).HasMaxLength(8000);
        });
        builder.Entity<SegmentMember>(e =>
        {
            e.ToTable("engagement_segment_members");
            e.HasKey(m => new { m.SegmentId, m.CustomerId });
            e.Property(m => m.CustomerId).HasMaxLength(64);
            e.HasIndex(m => m.CustomerId);
        });
        builder.Entity<InboxEntry>(e =>
        {
            e.ToTable("engagement_inbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.CustomerId).HasMaxLength(64);
            e.Property(m => m.Kind).HasMaxLength(32);
            e.Property(m => m.TitleZh).HasMaxLength(100);
            e.Property(m => m.TitleEn).HasMaxLength(100);
            e.Property(m => m.BodyZh).HasMaxLength(1000);
            e.Property(m => m.BodyEn).HasMaxLength(1000);
            e.Property(m => m.Link).HasMaxLength(300);
            e.Property(m => m.DedupeKey).HasMaxLength(160);
            e.HasIndex(m => m.DedupeKey).IsUnique();
            e.HasIndex(m => new { m.CustomerId, m.CreatedAt });
        });
        builder.Entity<OutboundMessage>(e =>
        {
            e.ToTable("engagement_outbound");
            e.HasKey(m => m.Id);
            e.Property(m => m.Channel).HasMaxLength(32);
            e.Property(m => m.CustomerId).HasMaxLength(64);
            e.Property(m => m.Recipient).HasMaxLength(64);
            e.Property(m => m.TemplateId).HasMaxLength(64);
            e.Property(m => m.Content).HasMaxLength(4000);
            e.Property(m => m.DedupeKey).HasMaxLength(160);
            e.HasIndex(m => m.DedupeKey).IsUnique();
            e.HasIndex(m => new { m.Channel, m.CreatedAt });
        });
        builder.Entity<JobRun>(e =>
        {
            e.ToTable("engagement_job_runs");
            e.HasKey(j => j.Name);
            e.Property(j => j.Name).HasMaxLength(32);
        });
        CampaignPersistence.Configure(builder);
    }
}
