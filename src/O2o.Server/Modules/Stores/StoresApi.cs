using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

/// <summary>What other modules may know of a store.</summary>
public sealed record StoreInfo(Guid Id, Guid MerchantId, string Name, double Lat, double Lng, string TimeZone,
    IReadOnlyList<string> Services, double DeliveryRadiusKm, bool OpenNow, PickupSlotRules? PickupSlots = null)
{
    public bool Offers(string service) => Services.Contains(service);
}

/// <summary>How a store paces pickups: slots of <see cref="SlotMinutes"/> within opening hours, each taking at most <see cref="Capacity"/> orders, bookable from <see cref="LeadMinutes"/> ahead.</summary>
public sealed record PickupSlotRules(int SlotMinutes, int Capacity, int LeadMinutes);

/// <summary>One pickup slot as an instant range; the day is the store's local calendar day.</summary>
public sealed record PickupSlot(DateTimeOffset Start, DateTimeOffset End, int Capacity);

/// <summary>One slot of a bookable service at a store, as an instant range (its start is on the store's local calendar day).</summary>
public sealed record ServiceSlot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>The Stores module's facade.</summary>
public static class Merchants
{
    /// <summary>The platform's own shop, owner of whatever a platform admin creates without naming a merchant.</summary>
    public static readonly Guid PlatformDirectId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
}


public interface IStores
{
    Task<StoreInfo?> FindAsync(Guid storeId, CancellationToken ct);
    /// <summary>The store named by a route, when this caller may run it; null (answer 404) otherwise.</summary>
    Task<StoreInfo?> FindOperableAsync(string storeId, Actor actor, CancellationToken ct);
    Task<bool> MerchantExistsAsync(Guid merchantId, CancellationToken ct);
    /// <summary>Every store of a merchant, or of the platform when <paramref name="merchantId"/> is null, by name.</summary>
    Task<IReadOnlyList<StoreInfo>> ListAsync(Guid? merchantId, CancellationToken ct);
    /// <summary>Stores within a radius of a WGS-84 position, nearest first.</summary>
    Task<IReadOnlyList<NearbyStore>> NearbyAsync(double lat, double lng, double radiusKm, CancellationToken ct);
    /// <summary>The pickup slots of a store on its local calendar day (none when it does not pace pickups).</summary>
    Task<IReadOnlyList<PickupSlot>> PickupSlotsAsync(Guid storeId, DateOnly localDay, CancellationToken ct);
    /// <summary>
    /// The slots of a service lasting <paramref name="durationMinutes"/> that start on the store's local calendar day: back to back
    /// from each opening, within its opening hours and special days (closures, special hours), each as long in real time as the service.
    /// </summary>
    Task<IReadOnlyList<ServiceSlot>> ServiceSlotsAsync(Guid storeId, DateOnly localDay, int durationMinutes, CancellationToken ct);
}

public sealed record NearbyStore(StoreInfo Store, string Address, double DistanceKm);

public static class StoreAccess
{
    /// <summary>Platform admins run every store, merchant admins their merchant's, staff the stores they are bound to.</summary>
    public static bool CanOperate(this Actor actor, StoreInfo store) =>
        actor.IsPlatformAdmin
        || (actor.Is(Roles.MerchantAdmin) && actor.MerchantId == store.MerchantId)
        || (actor.Is(Roles.StoreStaff) && actor.StoreIds.Contains(store.Id));
}

internal sealed class StoresFacade(O2oDb db, TimeProvider clock) : IStores
{
    public async Task<StoreInfo?> FindAsync(Guid storeId, CancellationToken ct)
    {
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        return store is null ? null : ToInfo(store, clock.GetUtcNow());
    }

    public async Task<StoreInfo?> FindOperableAsync(string storeId, Actor actor, CancellationToken ct)
    {
        var store = Guid.TryParse(storeId, out var id) ? await FindAsync(id, ct) : null;
        return store is not null && actor.CanOperate(store) ? store : null;
    }

    public async Task<IReadOnlyList<NearbyStore>> NearbyAsync(double lat, double lng, double radiusKm, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await StoreSearch.WithinAsync(db, lat, lng, radiusKm, ct))
            .Select(x => new NearbyStore(ToInfo(x.Store, now), x.Store.Address, x.Km)).ToList();
    }

    public async Task<IReadOnlyList<PickupSlot>> PickupSlotsAsync(Guid storeId, DateOnly localDay, CancellationToken ct)
    {
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        return store is null ? [] : PickupSlotCalendar.On(store, localDay, await SpecialDayEndpoints.AroundAsync(db, storeId, localDay, ct));
    }

    public async Task<IReadOnlyList<ServiceSlot>> ServiceSlotsAsync(Guid storeId, DateOnly localDay, int durationMinutes, CancellationToken ct)
    {
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        return store is null ? [] : ServiceSlotCalendar.On(store, localDay, durationMinutes, await SpecialDayEndpoints.AroundAsync(db, storeId, localDay, ct));
    }

    public async Task<IReadOnlyList<StoreInfo>> ListAsync(Guid? merchantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stores = db.Set<Store>().AsNoTracking();
        if (merchantId is { } merchant) stores = stores.Where(s => s.MerchantId == merchant);
        return (await stores.OrderBy(s => s.Name).ToListAsync(ct)).Select(s => ToInfo(s, now)).ToList();
    }

    public Task<bool> MerchantExistsAsync(Guid merchantId, CancellationToken ct) =>
        db.Set<Merchant>().AnyAsync(m => m.Id == merchantId, ct);

    internal static StoreInfo ToInfo(Store s, DateTimeOffset now) =>
        new(s.Id, s.MerchantId, s.Name, s.Lat, s.Lng, s.TimeZone, s.Services, s.DeliveryRadiusKm, s.IsOpenAt(now),
            s.PickupSlotMinutes is { } m && s.PickupSlotCapacity is { } c ? new PickupSlotRules(m, c, s.PickupLeadMinutes) : null);
}
