using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Ledger;

/// <summary>One money movement, posted as balanced double-entry lines (debits positive, credits negative, in fen).</summary>
internal sealed class LedgerEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>What caused it ("payment:{id}", "refund:{id}"); unique, so a redelivered event posts once.</summary>
    public required string SourceKey { get; init; }
    public required string Kind { get; init; }
    public Guid OrderId { get; init; }
    public DateTimeOffset At { get; init; }
    public List<LedgerLine> Lines { get; init; } = [];
}

internal sealed class LedgerLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EntryId { get; init; }
    public required string Account { get; init; }
    public long AmountFen { get; init; }
}

internal static class LedgerKinds
{
    public const string CustomerPayment = "customer_payment";
    public const string CustomerRefund = "refund";
    public const string CommissionToLeader = "leader_commission";
}

/// <summary>The chart of accounts. Assets held at a gateway are debits; what the platform owes or earned are credits.</summary>
internal static class LedgerAccounts
{
    public static string Gateway(string method) => $"gateway_clearing:{method}";
    public static string MerchantPayable(Guid storeId) => $"merchant_payable:{storeId:N}";
    public const string Commission = "platform_commission";
    public const string DeliveryFee = "delivery_fee";
    public const string DiscountSubsidy = "discount_subsidy";
    /// <summary>What loyalty points paid of orders: the platform honours its points with money.</summary>
    public const string PointsRedeemed = "points_redeemed";
    /// <summary>What the platform owes a community leader in commissions (社区团购团长佣金).</summary>
    public static string LeaderPayable(Guid leaderId) => $"leader_payable:{leaderId:N}";
}

internal static class LedgerPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.SourceKey).HasMaxLength(80);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => x.OrderId);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.EntryId);
        });
        builder.Entity<LedgerReconciliation>(e =>
        {
            e.ToTable("ledger_reconciliations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Method).HasMaxLength(16);
            e.Property(x => x.Day).HasMaxLength(10);
            e.HasIndex(x => new { x.Method, x.Day });
        });
        builder.Entity<LedgerLine>(e =>
        {
            e.ToTable("ledger_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Account).HasMaxLength(80);
            e.HasIndex(x => x.Account);
        });
    }
}
