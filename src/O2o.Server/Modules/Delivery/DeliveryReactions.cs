using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Live;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>A paid delivery order becomes a job waiting for a rider (once, however often the event comes), and the next round is planned soon.</summary>
internal sealed class OnDeliveryOrderPaid(O2oDb db, IStores stores, IOptions<DeliveryOptions> options, DispatchSignal signal, ILiveDeliveries live,
    ILogger<OnDeliveryOrderPaid> logger)
    : IEventHandler<DeliveryOrderPaid>
{
    public async Task HandleAsync(DeliveryOrderPaid e, CancellationToken ct)
    {
        if (await db.Set<DeliveryJob>().AnyAsync(j => j.OrderId == e.OrderId, ct)) return;
        var store = await stores.FindAsync(e.StoreId, ct) ?? throw new InvalidOperationException($"Store {e.StoreId} of paid order {e.OrderId} is missing.");
        // A no-rush parcel is collected for its window, not at once, so riders can carry several together.
        var readyAt = e.Speed == DeliverySpeeds.NoRush
            ? Max(e.PaidAt + options.Value.PreparationTime, e.PromisedFrom - TimeSpan.FromMinutes(30))
            : e.PaidAt + options.Value.PreparationTime;
        var job = new DeliveryJob
        {
            OrderId = e.OrderId, StoreId = e.StoreId, CustomerId = e.CustomerId, PickupLat = store.Lat, PickupLng = store.Lng,
            DropLat = e.Lat, DropLng = e.Lng, AddressLine = e.AddressLine, DistanceKm = e.DistanceKm, Speed = e.Speed, Items = 1,
            ReadyAt = readyAt, PromisedFrom = e.PromisedFrom, PromisedBy = e.PromisedBy, HandoverCode = DeliveryJob.NewHandoverCode(), CreatedAt = e.PaidAt,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        live.Publish(new DeliveryUpdate(e.OrderId, e.StoreId, job.Status, null, null, null, e.PaidAt));
        logger.LogInformation("Delivery of order {OrderId} waits for a rider ({Speed}, promised by {PromisedBy:u})", e.OrderId, e.Speed, e.PromisedBy);
        signal.Poke();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>A cancelled order's delivery stops wherever it is; a rider who held it is free for the next round.</summary>
internal sealed class OnDeliveryOrderCancelled(O2oDb db, DispatchSignal signal, ILogger<OnDeliveryOrderCancelled> logger) : IEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled e, CancellationToken ct)
    {
        var job = await db.Set<DeliveryJob>().FirstOrDefaultAsync(j => j.OrderId == e.OrderId, ct);
        if (job is null || !JobStatus.Active.Contains(job.Status)) return;
        var wasCarried = job.Status == JobStatus.PickedUp;
        job.Cancel(e.Reason);
        await db.SaveChangesAsync(ct);
        if (wasCarried) logger.LogWarning("Order {OrderId} was cancelled while rider {RiderId} carried it: it goes back to the store", e.OrderId, job.RiderId);
        signal.Poke();
    }
}

/// <summary>The store delivers an order with its own staff: a rider who was offered or had accepted it is released.</summary>
internal sealed class OnDeliveryHandledByStore(O2oDb db, DispatchSignal signal) : IEventHandler<DeliveryHandledByStore>
{
    public async Task HandleAsync(DeliveryHandledByStore e, CancellationToken ct)
    {
        var job = await db.Set<DeliveryJob>().FirstOrDefaultAsync(j => j.OrderId == e.OrderId, ct);
        // A job a rider carries stays theirs when staff only take the order out; when staff complete the order, nothing is left to deliver.
        if (job is null || !JobStatus.Active.Contains(job.Status) || (job.Status == JobStatus.PickedUp && e.Status != DeliveryOrders.Completed)) return;
        job.Cancel("delivered by the store's own staff 门店自行配送");
        await db.SaveChangesAsync(ct);
        signal.Poke();
    }
}
