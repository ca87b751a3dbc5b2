using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Analytics;
using O2o.Server.Modules.Bookings;
using O2o.Server.Modules.Cart;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Counter;
using O2o.Server.Modules.Delivery;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.GroupBuying;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Ledger;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Modules.Vouchers;

namespace O2o.Server.Platform;

/// <summary>The one database of the platform; each module maps its own tables, prefixed with its name.</summary>
public abstract class O2oDb(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    internal DbSet<PlatformSecret> PlatformSecrets => Set<PlatformSecret>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PlatformPersistence.Configure(builder);
        OutboxPersistence.Configure(builder);
        AccountsPersistence.Configure(builder);
        StoresPersistence.Configure(builder);
        CatalogPersistence.Configure(builder);
        InventoryPersistence.Configure(builder);
        CartPersistence.Configure(builder);
        OrderingPersistence.Configure(builder);
        PaymentsPersistence.Configure(builder);
        LedgerPersistence.Configure(builder);
        CounterPersistence.Configure(builder);
        PromotionsPersistence.Configure(builder);
        VouchersPersistence.Configure(builder);
        GroupBuyingPersistence.Configure(builder);
        BookingsPersistence.Configure(builder);
        AnalyticsPersistence.Configure(builder);
        DeliveryPersistence.Configure(builder);
        LoyaltyPersistence.Configure(builder);
        EngagementPersistence.Configure(builder);

        // Ids are Guid v7 made by the code, so an entity reached through a navigation is new, not an update.
        foreach (var key in builder.Model.GetEntityTypes().SelectMany(t => t.GetKeys()).Where(k => k.IsPrimaryKey()))
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    /// <summary>Work waiting for the commit of the transaction it was registered in; see <see cref="AfterCommitInterceptor"/>.</summary>
    internal List<(Guid TransactionId, Action Work)> PendingAfterCommit { get; } = [];

    /// <summary>Runs <paramref name="work"/> on this node once the current transaction commits; never if it rolls back.</summary>
    internal void AfterCommit(Action work) => PendingAfterCommit.Add((this.CurrentTransactionId(), work));

    /// <summary>The work of one transaction; anything left from another (one disposed unfinished) is dropped with it.</summary>
    internal List<Action> TakePendingAfterCommit(Guid transactionId)
    {
        var due = PendingAfterCommit.Where(p => p.TransactionId == transactionId).Select(p => p.Work).ToList();
        PendingAfterCommit.Clear();
        return due;
    }

    /// <summary>
    /// Set by the idempotency filter around a use case: the first transaction the use case begins (or its first save) stays open when its
    /// work ends, for the filter to record the answer in it and commit both or neither. What the use case reads before that runs outside
    /// any transaction, as it would without an Idempotency-Key, so on SQLite it does not hold the one writer.
    /// </summary>
    internal bool KeepNextTransactionOpen { get; set; }

    /// <summary>Runs <paramref name="work"/> in the current transaction, or in a new one it commits (unless the caller keeps it open).</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, Func<T, bool> commitIf, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
            return await work();
        if (KeepNextTransactionOpen)
        {
            KeepNextTransactionOpen = false;
            await Database.BeginTransactionAsync(ct);
            return await work();
        }
        await using var transaction = await Database.BeginTransactionAsync(ct);
        var result = await work();
        if (commitIf(result)) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (KeepNextTransactionOpen && Database.CurrentTransaction is null)
        {
            KeepNextTransactionOpen = false;
            await Database.BeginTransactionAsync(cancellationToken);
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>The embedded default. SQLite cannot compare DateTimeOffset text, so instants are stored as UTC ticks.</summary>
public sealed class SqliteO2oDb(DbContextOptions<SqliteO2oDb> options) : O2oDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production and multi-node.</summary>
public sealed class PostgresO2oDb(DbContextOptions<PostgresO2oDb> options) : O2oDb(options);
