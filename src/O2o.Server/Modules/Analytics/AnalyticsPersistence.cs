using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Analytics;

/// <summary>How often a funnel step happened on one Beijing day at a merchant and store (<see cref="Guid.Empty"/>: no store known).</summary>
internal sealed class FunnelDay
{
    public DateOnly Day { get; init; }
    public Guid MerchantId { get; init; }
    public Guid StoreId { get; init; }
    public required string Step { get; init; }
    public long Count { get; set; }
}

/// <summary>A confirmed refund, kept so that GMV can be shown net of refunds without reading Payments' tables.</summary>
internal sealed class RefundFact
{
    public Guid RefundId { get; init; }
    public Guid OrderId { get; init; }
    public Guid StoreId { get; init; }
    public long AmountFen { get; init; }
    public DateTimeOffset RefundedAt { get; init; }
}

internal static class AnalyticsPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FunnelDay>(e =>
        {
            e.ToTable("analytics_funnel_daily");
            e.HasKey(f => new { f.Day, f.MerchantId, f.StoreId, f.Step });
            e.Property(f => f.Step).HasMaxLength(32);
        });
        builder.Entity<RefundFact>(e =>
        {
            e.ToTable("analytics_refunds");
            e.HasKey(r => r.RefundId);
            e.HasIndex(r => r.RefundedAt);
        });
    }
}
