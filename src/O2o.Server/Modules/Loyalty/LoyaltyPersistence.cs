using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// A customer's membership: the points balance (always the sum of the ledger and of the lots' remaining points), the tier and the spend
/// that gave it. Every change of points first bumps <see cref="Version"/>, which takes the row's lock for the rest of the transaction:
/// changes of one customer's points run one after another, on SQLite and on PostgreSQL.
/// </summary>
internal sealed class Member
{
    public required string CustomerId { get; init; }
    public long Balance { get; set; }
    public int Tier { get; set; } = MemberTiers.Member;
    public long RollingSpendFen { get; set; }
    public DateTimeOffset? TierSince { get; set; }
    public DateOnly? LastSignIn { get; set; }
    public int SignInStreak { get; set; }
    public long Version { get; set; }
}

/// <summary>Points earned together, expiring together; spent oldest-expiry first.</summary>
internal sealed class PointsLot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CustomerId { get; init; }
    public Guid EntryId { get; init; }
    public long Points { get; init; }
    public long Remaining { get; set; }
    public DateTimeOffset EarnedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>The points ledger: append-only; every change of a balance is one entry, keyed by what caused it so that it happens once.</summary>
internal sealed class PointsEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CustomerId { get; init; }
    public required string Kind { get; init; }
    /// <summary>Positive when earned or given back, negative when spent, expired or reversed.</summary>
    public long Points { get; init; }
    public required string SourceKey { get; init; }
    public Guid? OrderId { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>Which lots an entry took points from (positive) or gave them back to (negative); append-only.</summary>
internal sealed class PointsDraw
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EntryId { get; init; }
    public Guid LotId { get; init; }
    public long Points { get; init; }
}

/// <summary>Spend that counts toward a tier: a completed order (positive) or a refund of one (negative).</summary>
internal sealed class SpendRecord
{
    public required string SourceKey { get; init; }
    public required string CustomerId { get; init; }
    public Guid OrderId { get; init; }
    public long AmountFen { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>The coupons issued to a customer on reaching a tier (升级礼券).</summary>
internal sealed class TierCoupon
{
    public int Tier { get; init; }
    public Guid PromotionId { get; init; }
}

/// <summary>A welcome coupon given for reaching a tier: once per customer, tier and promotion, however often the tier is reached again.</summary>
internal sealed class TierCouponGrant
{
    public required string CustomerId { get; init; }
    public int Tier { get; init; }
    public Guid PromotionId { get; init; }
    public Guid? CouponId { get; init; }
    public DateTimeOffset At { get; init; }
}

internal static class PointsKinds
{
    public const string Order = "order", SignIn = "sign_in", Review = "review", Adjustment = "adjustment",
        Redeem = "redeem", GiveBack = "give_back", Reversal = "reversal", Expiry = "expiry";
}

internal static class LoyaltyPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Member>(e =>
        {
            e.ToTable("loyalty_members", t => t.HasCheckConstraint("ck_loyalty_members_balance", "balance >= 0"));
            e.HasKey(m => m.CustomerId);
            e.Property(m => m.CustomerId).HasMaxLength(64);
            e.HasIndex(m => m.Tier);
            // A member is created by a bare INSERT of the customer id (PointsBook.LockAsync); the database fills in the rest.
            e.Property(m => m.Balance).HasDefaultValue(0L);
            e.Property(m => m.Tier).HasDefaultValue(MemberTiers.Member).HasSentinel(-1);
            e.Property(m => m.RollingSpendFen).HasDefaultValue(0L);
            e.Property(m => m.SignInStreak).HasDefaultValue(0);
            e.Property(m => m.Version).HasDefaultValue(0L);
        });
        builder.Entity<PointsLot>(e =>
        {
            e.ToTable("loyalty_points_lots", t => t.HasCheckConstraint("ck_loyalty_points_lots_remaining", "remaining >= 0 AND remaining <= points"));
            e.HasKey(l => l.Id);
            e.Property(l => l.CustomerId).HasMaxLength(64);
            e.HasIndex(l => new { l.CustomerId, l.ExpiresAt });
            e.HasIndex(l => new { l.ExpiresAt, l.Remaining });
        });
        builder.Entity<PointsEntry>(e =>
        {
            e.ToTable("loyalty_points_ledger");
            e.HasKey(x => x.Id);
            e.Property(x => x.CustomerId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.SourceKey).HasMaxLength(120);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => new { x.CustomerId, x.At });
            e.HasIndex(x => x.OrderId);
        });
        builder.Entity<PointsDraw>(e =>
        {
            e.ToTable("loyalty_points_draws");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.EntryId);
            e.HasIndex(x => x.LotId);
        });
        builder.Entity<SpendRecord>(e =>
        {
            e.ToTable("loyalty_spend");
            e.HasKey(x => x.SourceKey);
            e.Property(x => x.SourceKey).HasMaxLength(120);
            e.Property(x => x.CustomerId).HasMaxLength(64);
            e.HasIndex(x => new { x.CustomerId, x.At });
            e.HasIndex(x => x.OrderId);
        });
        builder.Entity<TierCoupon>(e =>
        {
            e.ToTable("loyalty_tier_coupons");
            e.HasKey(x => new { x.Tier, x.PromotionId });
        });
        builder.Entity<TierCouponGrant>(e =>
        {
            e.ToTable("loyalty_tier_coupon_grants");
            e.HasKey(x => new { x.CustomerId, x.Tier, x.PromotionId });
            e.Property(x => x.CustomerId).HasMaxLength(64);
        });
    }
}
