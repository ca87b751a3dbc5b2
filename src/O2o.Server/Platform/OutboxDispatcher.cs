using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public int MaxAttempts { get; set; } = 25;
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Delivers committed events to their handlers. Several nodes may run it at once: a message is claimed with a
/// conditional update of its lock, and each (event, handler) pair is recorded in the handler's transaction. An event
/// with several handlers gives each its own transaction, so one failing handler does not hold the others back.
/// </summary>
internal sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEnumerable<EventRegistration> registrations, OutboxSignal signal,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 50;
    private static readonly TimeSpan LockFor = TimeSpan.FromSeconds(60);
    private readonly ILookup<string, EventRegistration> _handlers = registrations.ToLookup(r => r.EventType.FullName!);
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == Batch) { }
                await CleanUpAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox dispatcher failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    internal async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        List<OutboxMessage> due;
        var now = clock.GetUtcNow();
        using (var scope = scopes.CreateScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now && m.Attempts < options.Value.MaxAttempts && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.OccurredAt).Take(Batch).ToListAsync(ct);
        }
        foreach (var message in due) await DispatchAsync(message, ct);
        return due.Count;
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken ct)
    {
        var handlers = _handlers[message.Type].ToList();
        try
        {
            if (handlers.Count == 1)
            {
                await DispatchToOneAsync(message, handlers[0], ct);
                return;
            }
            if (!await ClaimAsync(message, ct)) return; // another node has it
            if (handlers.Count > 0)
            {
                var domainEvent = Read(message, handlers[0]);
                foreach (var handler in handlers) await RunOnceAsync(message.Id, handler, domainEvent, ct);
            }
            using var scope = scopes.CreateScope();
            await MarkProcessedAsync(scope.ServiceProvider.GetRequiredService<O2oDb>(), message.Id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordFailureAsync(message, ex);
        }
    }

    /// <summary>
    /// An event with one handler (most of them) is claimed, handled, recorded and marked processed in one
    /// transaction: one turn of the SQLite writer instead of three. Another node's claim waits on the row until this
    /// one commits, then finds it processed; a crash rolls everything back, so the event is simply due again.
    /// </summary>
    private async Task DispatchToOneAsync(OutboxMessage message, EventRegistration handler, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, now + LockFor), ct);
        if (claimed == 0) return; // another node has it, or had it
        if (!await db.Set<OutboxHandled>().AnyAsync(h => h.EventId == message.Id && h.Handler == handler.HandlerName, ct))
        {
            await handler.Invoke(scope.ServiceProvider, Read(message, handler), ct);
            db.Add(new OutboxHandled { EventId = message.Id, Handler = handler.HandlerName, HandledAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        await MarkProcessedAsync(db, message.Id, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var now = clock.GetUtcNow();
        return await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, now + LockFor), ct) == 1;
    }

    private Task<int> MarkProcessedAsync(O2oDb db, Guid messageId, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);

    private static IDomainEvent Read(OutboxMessage message, EventRegistration handler) =>
        (IDomainEvent)JsonSerializer.Deserialize(message.Payload, handler.EventType, JsonSerializerOptions.Web)!;

    private async Task RecordFailureAsync(OutboxMessage message, Exception ex)
    {
        var attempts = message.Attempts + 1;
        var retryIn = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        logger.LogWarning(ex, "Handling {Type} {EventId} failed (attempt {Attempts}); retrying in {RetryIn}", message.Type, message.Id, attempts, retryIn);
        var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow() + retryIn).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task RunOnceAsync(Guid eventId, EventRegistration handler, IDomainEvent domainEvent, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        if (await db.Set<OutboxHandled>().AnyAsync(h => h.EventId == eventId && h.Handler == handler.HandlerName, ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await handler.Invoke(scope.ServiceProvider, domainEvent, ct);
        db.Add(new OutboxHandled { EventId = eventId, Handler = handler.HandlerName, HandledAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Old delivered events and old idempotency keys are not kept forever.</summary>
    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromHours(1)) return;
        _lastCleanup = now;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        var before = now - options.Value.Retention;
        await db.Set<OutboxMessage>().Where(m => m.ProcessedAt != null && m.ProcessedAt < before).ExecuteDeleteAsync(ct);
        await db.Set<OutboxHandled>().Where(h => h.HandledAt < before).ExecuteDeleteAsync(ct);
        var keysBefore = now - TimeSpan.FromDays(1);
        await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);
    }
}
