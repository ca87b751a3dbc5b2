namespace O2o.Server.Kernel;

/// <summary>Something that happened in a module that other modules may react to.</summary>
public interface IDomainEvent;

/// <summary>
/// Reacts to an event after the transaction that raised it has committed. Delivery is at least once, so the
/// dispatcher records each (event, handler) pair it completed and never runs a pair twice after success.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// Hears an event on this node once the transaction that raised it has committed: at most once, never retried, never
/// on another node. For hints that may be lost (a live screen), never for what must happen (that is
/// <see cref="IEventHandler{TEvent}"/>). Called on the committing thread: hand the event off, do not wait on anything.
/// </summary>
public interface IAfterCommitListener<in TEvent> where TEvent : IDomainEvent
{
    void Heard(TEvent domainEvent);
}
