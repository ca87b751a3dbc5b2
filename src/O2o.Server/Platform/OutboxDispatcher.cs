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
/// conditional update of its lock, and each (event, handler) pair is recorded in the handler's own transaction.
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
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        var now = clock.GetUtcNow();
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, now + LockFor), ct);
        if (claimed == 0) return; // another node has it

        try
        {
            var handlers = _handlers[message.Type].ToList();
            if (handlers.Count > 0)
            {
                var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(message.Payload, handlers[0].EventType, JsonSerializerOptions.Web)!;
                foreach (var handler in handlers) await RunOnceAsync(message.Id, handler, domainEvent, ct);
            }
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var retryIn = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
            logger.LogWarning(ex, "Handling {Type} {EventId} failed (attempt {Attempts}); retrying in {RetryIn}", message.Type, message.Id, attempts, retryIn);
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow() + retryIn).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
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
