using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

internal sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}

/// <summary>A handler that has finished with an event; keeps at-least-once delivery from running it twice.</summary>
internal sealed class OutboxHandled
{
    public Guid EventId { get; init; }
    public required string Handler { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}

/// <summary>Which handler reacts to which event, registered explicitly by each module.</summary>
public sealed record EventRegistration(Type EventType, string HandlerName, Func<IServiceProvider, IDomainEvent, CancellationToken, Task> Invoke);

public static class EventRegistrations
{
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventRegistration(typeof(TEvent), typeof(THandler).FullName!,
            (sp, e, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)e, ct)));
        return services;
    }
}

/// <summary>Writes events into the outbox in the caller's unit of work; they are delivered after it commits.</summary>
public sealed class EventBus(O2oDb db, TimeProvider clock, OutboxSignal signal, IServiceProvider services)
{
    /// <summary>
    /// Tells this node's in-process listeners after the current transaction commits; nothing is written, so a change
    /// announced on the checkout path costs no database work. Lost if the process dies first: for hints only.
    /// </summary>
    public void Announce<TEvent>(TEvent domainEvent) where TEvent : IDomainEvent
    {
        var listeners = services.GetServices<IAfterCommitListener<TEvent>>().ToArray();
        if (listeners.Length == 0) return;
        db.AfterCommit(() =>
        {
            foreach (var listener in listeners) listener.Heard(domainEvent);
        });
    }

    public void Publish<TEvent>(TEvent domainEvent) where TEvent : IDomainEvent
    {
        var now = clock.GetUtcNow();
        db.Add(new OutboxMessage
        {
            Type = typeof(TEvent).FullName!, Payload = JsonSerializer.Serialize(domainEvent, JsonSerializerOptions.Web), OccurredAt = now, NextAttemptAt = now,
        });
        signal.Nudge();
    }
}

/// <summary>Wakes the dispatcher early when something was published on this node.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already nudged */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

internal static class OutboxPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("platform_outbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        builder.Entity<OutboxHandled>(e =>
        {
            e.ToTable("platform_outbox_handled");
            e.HasKey(h => new { h.EventId, h.Handler });
            e.Property(h => h.Handler).HasMaxLength(200);
        });
    }
}
