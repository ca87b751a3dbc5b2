namespace O2o.Server.Kernel;

/// <summary>Something that happened in a module that other modules may react to.</summary>
public interface IDomainEvent;

/// <summary>Reacts to an event inside the transaction that raised it.</summary>
public interface IEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>Delivers events to the handlers registered for them, in the caller's scope and transaction.</summary>
public sealed class EventBus(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
            await handler.HandleAsync(domainEvent, ct);
    }
}
