using System.Globalization;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>GET /api/stores/{storeId}/services/{productId}/slots?date=: a day's slots of a service at a store, with places taken.</summary>
internal static class ListServiceSlots
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/stores/{storeId}/services/{productId}/slots", Handle).AllowAnonymous().WithTags("Bookings")
            .WithSummary("A service's slots at a store on a local date (default today, store time zone): capacity, taken, and whether each can be booked now");

    private static async Task<IResult> Handle(string storeId, string productId, string? date, O2oDb db, IStores stores, ICatalog catalog, SlotPlaces places,
        TimeProvider clock, CancellationToken ct)
    {
        var found = await ServiceAtAsync(storeId, productId, db, stores, catalog, ct);
        if (!found.IsSuccess) return found.Error!.ToProblem();
        var (terms, store) = found.Value;
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Error.Validation("date", "A date as yyyy-MM-dd.").ToProblem();

        var slots = await stores.ServiceSlotsAsync(store.Id, day, terms.DurationMinutes, ct);
        var taken = await places.TakenAsync(terms.ProductId, store.Id, slots.Select(s => s.Start.ToUnixTimeMilliseconds()).ToList(), ct);
        return Results.Ok(slots.Select(s =>
        {
            var t = taken.GetValueOrDefault(s.Start.ToUnixTimeMilliseconds());
            return new ServiceSlotView(TimeZoneInfo.ConvertTime(s.Start, zone), TimeZoneInfo.ConvertTime(s.End, zone), terms.Capacity, t,
                t < terms.Capacity && terms.Bookable(s.Start, now));
        }).ToList());
    }

    /// <summary>The terms of an active service product and a store where it is offered; service_not_found (or not offered here) otherwise.</summary>
    public static async Task<Result<(ServiceTerms Terms, StoreInfo Place)>> ServiceAtAsync(string storeId, string productId, O2oDb db, IStores stores,
        ICatalog catalog, CancellationToken ct)
    {
        var terms = Guid.TryParse(productId, out var pid) ? await db.Set<ServiceTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.ProductId == pid, ct) : null;
        if (terms is null || (await catalog.GetAsync([pid], ct)).GetValueOrDefault(pid) is not { IsActive: true }) return BookingsErrors.ServiceNotFound;
        var store = Guid.TryParse(storeId, out var sid) ? await stores.FindAsync(sid, ct) : null;
        if (store is null) return BookingsErrors.StoreNotFound;
        if (!terms.StoreIds.Contains(store.Id)) return BookingsErrors.NotOfferedHere;
        (ServiceTerms Terms, StoreInfo Place) offered = (terms, store);
        return offered;
    }
}
