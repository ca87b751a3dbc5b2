using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// A promotion (applied automatically) or a coupon definition (applied through the coupons issued from it). Its terms are
/// replaced whole by an update; what it has given away (<see cref="SpentFen"/>, <see cref="Uses"/>) moves only by conditional updates.
/// </summary>
internal sealed class Promotion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MerchantId { get; set; }
    public bool IsCoupon { get; init; }
    public required string Kind { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    /// <summary>Flags of <see cref="Pricing.SalesChannels"/>.</summary>
    public int Channels { get; set; }
    public List<Guid> StoreIds { get; set; } = [];
    public List<Guid> ProductIds { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<Guid> SegmentIds { get; set; } = [];
    public int MinMemberTier { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Spend-save tiers as JSON <c>[[threshold, amount], ...]</c>.</summary>
    public string Tiers { get; set; } = "[]";
    public long MinSpendFen { get; set; }
    public long AmountFen { get; set; }
    public int Percent { get; set; }
    public long CapFen { get; set; }
    public int NthUnit { get; set; }
    public long PriceFen { get; set; }
    public Guid? GiftProductId { get; set; }
    public int GiftQuantity { get; set; }
    public bool Exclusive { get; set; }
    public required string StackingGroup { get; set; }
    public long? BudgetFen { get; set; }
    public int? BudgetUses { get; set; }
    public long SpentFen { get; init; }
    public int Uses { get; init; }
    public int? PerCustomerLimit { get; set; }
    /// <summary>A code customers redeem for a coupon of this definition; unique.</summary>
    public string? Code { get; set; }
    public bool Claimable { get; set; }
    /// <summary>A coupon is valid this many days from its issue (never past <see cref="EndsAt"/>); null: until <see cref="EndsAt"/>.</summary>
    public int? ValidDays { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool HasBudget => BudgetFen is not null || BudgetUses is not null;

    public string StatusAt(DateTimeOffset now) =>
        now < StartsAt ? "upcoming" : now >= EndsAt ? "ended"
        : (BudgetFen is { } fen && SpentFen >= fen) || (BudgetUses is { } uses && Uses >= uses) ? "exhausted" : "active";

    public List<(long Threshold, long Amount)> TierList() =>
        JsonSerializer.Deserialize<long[][]>(Tiers)!.Select(t => (t[0], t[1])).ToList();

    public static string TiersJson(IEnumerable<(long Threshold, long Amount)> tiers) =>
        JsonSerializer.Serialize(tiers.Select(t => new[] { t.Threshold, t.Amount }).ToArray());
}

/// <summary>A coupon in a customer's wallet. Used by one order at a time; given back when that order is cancelled or expires.</summary>
internal sealed class Coupon
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PromotionId { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>available or used; expiry is read from <see cref="ValidUntil"/>.</summary>
    public string Status { get; init; } = CouponStatus.Available;
    public Guid? OrderId { get; init; }
    /// <summary>How it came: issued (by an admin), claimed (领券) or code (redeemed).</summary>
    public required string Source { get; init; }
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset ValidUntil { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
}

internal static class CouponStatus
{
    public const string Available = "available";
    public const string Used = "used";
    public const string Expired = "expired";
}

/// <summary>How often one customer has used a promotion (or received coupons of a definition), against its per-customer limit.</summary>
internal sealed class PromotionCustomerUse
{
    public Guid PromotionId { get; init; }
    public required string CustomerId { get; init; }
    public int Uses { get; init; }
}

/// <summary>
/// What a coupon, or a promotion with a budget or a per-customer limit, gave an order or a counter sale: what is released once if the order
/// is cancelled or expires. Other promotions leave no row here; the order's breakdown records what they took.
/// </summary>
internal sealed class PromotionApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The order, or the counter sale.</summary>
    public Guid OrderId { get; init; }
    public Guid PromotionId { get; init; }
    public Guid? CouponId { get; init; }
    public string? CustomerId { get; init; }
    public long AmountFen { get; init; }
    /// <summary>Whether it counted against the promotion's budget and the customer's limit (so a release gives them back).</summary>
    public bool Budgeted { get; init; }
    public bool Limited { get; init; }
    public bool Released { get; init; }
    public DateTimeOffset At { get; init; }
}

internal static class PromotionRulesPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Promotion>(e =>
        {
            e.ToTable("promotions_definitions", t =>
            {
                t.HasCheckConstraint("ck_promotions_definitions_spent", "spent_fen >= 0 AND (budget_fen IS NULL OR spent_fen <= budget_fen)");
                t.HasCheckConstraint("ck_promotions_definitions_uses", "uses >= 0 AND (budget_uses IS NULL OR uses <= budget_uses)");
            });
            e.HasKey(p => p.Id);
            e.Property(p => p.Kind).HasMaxLength(32);
            e.Property(p => p.NameZh).HasMaxLength(100);
            e.Property(p => p.NameEn).HasMaxLength(100);
            e.Property(p => p.StackingGroup).HasMaxLength(32);
            e.Property(p => p.Code).HasMaxLength(32);
            e.Property(p => p.Tiers).HasMaxLength(1000);
            e.Property(p => p.StoreIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 20000);
            e.Property(p => p.ProductIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 20000);
            e.Property(p => p.SegmentIds).HasDelimitedConversion(',', g => g.ToString(), Guid.Parse, 4000);
            e.Property(p => p.Categories).HasDelimitedConversion('\u001f', c => c, c => c, 4000);
            e.HasIndex(p => new { p.MerchantId, p.EndsAt });
            e.HasIndex(p => p.Code).IsUnique();
        });
        builder.Entity<Coupon>(e =>
        {
            e.ToTable("promotions_coupons");
            e.HasKey(c => c.Id);
            e.Property(c => c.CustomerId).HasMaxLength(64);
            e.Property(c => c.Status).HasMaxLength(16);
            e.Property(c => c.Source).HasMaxLength(16);
            e.HasIndex(c => new { c.CustomerId, c.Status });
            e.HasIndex(c => c.OrderId);
        });
        builder.Entity<PromotionCustomerUse>(e =>
        {
            e.ToTable("promotions_customer_uses", t => t.HasCheckConstraint("ck_promotions_customer_uses_uses", "uses >= 0"));
            e.HasKey(u => new { u.PromotionId, u.CustomerId });
            e.Property(u => u.CustomerId).HasMaxLength(64);
        });
        builder.Entity<PromotionApplication>(e =>
        {
            e.ToTable("promotions_applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.CustomerId).HasMaxLength(64);
            e.HasIndex(a => a.OrderId);
            e.HasIndex(a => a.PromotionId);
        });
    }
}
