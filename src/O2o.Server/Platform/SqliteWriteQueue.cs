using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace O2o.Server.Platform;

/// <summary>
/// SQLite has one writer at a time. Left alone, concurrent writers collide and the driver sleeps and retries,
/// blocking threads; here writers of this process queue on an async lock (<see cref="WriterTurn"/>) instead, held from the start of a
/// transaction (or a lone write statement) until it ends. The connection is also set to WAL with
/// synchronous=NORMAL: a commit survives a killed process, only power loss may take the last ones.
/// A write transaction must not wait for another write of this process (through another DbContext) before it ends.
/// </summary>
internal sealed class SqliteWriteQueue : DbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private readonly WriterTurn _writer = new();
    private static readonly object Tuned = new();
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];
    private readonly ConditionalWeakTable<object, object> _tuned = [];

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(connection, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        AcquireAsync(connection, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(transaction, eventData));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(transaction, eventData));

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(transaction, eventData));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(transaction, eventData));

    // A transaction disposed without commit or rollback ends when its connection closes.
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    // The setting belongs to the native connection, which the driver's pool keeps across opens: set it once per native connection.
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _tuned.TryGetValue(handle, out _)) return;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        _tuned.AddOrUpdate(handle, Tuned);
    }

    // A write statement outside a transaction (ExecuteUpdate, ExecuteDelete) queues too, for its own duration.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } connection) await AcquireAsync(connection, cancellationToken);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } connection) Release(connection);
        return ValueTask.FromResult(result);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } connection) Release(connection);
        return Task.CompletedTask;
    }

    private static DbConnection? ConnectionOf(DbTransaction transaction, TransactionEventData eventData) =>
        eventData.Context?.Database.GetDbConnection() ?? transaction.Connection;

    private async ValueTask AcquireAsync(DbConnection connection, CancellationToken ct)
    {
        var holder = _holders.GetOrCreateValue(connection);
        if (holder.Holds) return;
        if (!await _writer.WaitAsync(MaxWait, ct))
            throw new TimeoutException("Waited a minute for the SQLite writer: a write transaction is waiting on another write of this process.");
        holder.Holds = true;
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _holders.TryGetValue(connection, out var holder) && holder.Holds)
        {
            holder.Holds = false;
            _writer.Release();
        }
    }

    private Task Released(DbConnection? connection)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private sealed class Holder
    {
        public bool Holds;
    }
}
