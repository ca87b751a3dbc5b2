using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.GroupBuying;

internal static class GroupBuyingPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Leader>(e =>
        {
            e.ToTable("groupbuying_leaders");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.PickupPointName).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Phone).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.ShareCode).HasMaxLength(16);
            e.Property(x => x.DecidedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.UserId, x.MerchantId }).IsUnique();
            e.HasIndex(x => x.ShareCode).IsUnique();
            e.HasIndex(x => new { x.MerchantId, x.Status });
        });
        builder.Entity<Campaign>(e =>
        {
            e.ToTable("groupbuying_campaigns", t => t.HasCheckConstraint("ck_groupbuying_campaigns_joined", "joined_orders >= 0 AND joined_units >= 0"));
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.ProductName).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.CutoffAt });
            e.HasIndex(x => x.MerchantId);
        });
        builder.Entity<Participation>(e =>
        {
            e.ToTable("groupbuying_participations");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.CustomerId).HasMaxLength(64);
            e.Property(x => x.HandoverCode).HasMaxLength(8);
            e.HasIndex(x => x.CampaignId);
            e.HasIndex(x => new { x.LeaderId, x.CampaignId });
            e.HasIndex(x => x.CustomerId);
            e.HasIndex(x => x.DeliveryId);
        });
        builder.Entity<Delivery>(e =>
        {
            e.ToTable("groupbuying_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasMaxLength(16);
            e.HasIndex(x => new { x.CampaignId, x.LeaderId }).IsUnique();
            e.HasIndex(x => x.StoreId);
            e.HasIndex(x => x.LeaderId);
        });
        builder.Entity<LeaderCommission>(e =>
        {
            e.ToTable("groupbuying_commissions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.OrderId).IsUnique();
            e.HasIndex(x => x.LeaderId);
        });
        builder.Entity<HandoverFailure>(e =>
        {
            e.ToTable("groupbuying_handover_failures");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.LeaderId, x.At });
        });
    }
}
