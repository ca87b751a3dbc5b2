using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

/// <summary>
/// Runs work registered with <see cref="O2oDb.AfterCommit"/> once the transaction it was registered in has committed,
/// and forgets it when that transaction rolls back. The work runs on the committing thread, so it must be quick
/// (hand off to a queue): it is for hints such as live screens, never for what must happen (that is the outbox).
/// </summary>
internal sealed class AfterCommitInterceptor(ILogger<AfterCommitInterceptor> logger) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public override Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Run(TransactionEventData eventData)
    {
        if (eventData.Context is not O2oDb { PendingAfterCommit.Count: > 0 } db) return;
        var due = db.TakePendingAfterCommit(eventData.TransactionId);
        foreach (var work in due)
        {
            try { work(); }
            catch (Exception ex) { logger.LogError(ex, "After-commit work failed; the committed change stands"); }
        }
    }

    private static void Forget(TransactionEventData eventData)
    {
        if (eventData.Context is O2oDb { PendingAfterCommit.Count: > 0 } db) db.TakePendingAfterCommit(eventData.TransactionId);
    }
}

/// <summary>Announces events to in-process listeners after commit (see <see cref="IAfterCommitListener{TEvent}"/>).</summary>
public static class AfterCommitListeners
{
    public static IServiceCollection AddAfterCommitListener<TEvent, TListener>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where TListener : class, IAfterCommitListener<TEvent>
    {
        services.AddSingleton<IAfterCommitListener<TEvent>, TListener>();
        return services;
    }

    internal static Guid CurrentTransactionId(this O2oDb db) =>
        db.Database.CurrentTransaction?.TransactionId
        ?? throw new InvalidOperationException("After-commit work needs a transaction: register it inside the one that makes the change.");
}
