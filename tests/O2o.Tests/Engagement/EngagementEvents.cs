using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Kernel;
using O2o.Server.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>Publishes an event through the real outbox, as the module that owns it would.</summary>
internal static class EngagementEvents
{
    public static async Task PublishAsync<TEvent>(O2oApp app, TEvent domainEvent) where TEvent : IDomainEvent
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<EventBus>().Publish(domainEvent);
        await scope.ServiceProvider.GetRequiredService<O2oDb>().SaveChangesAsync();
    }
}
