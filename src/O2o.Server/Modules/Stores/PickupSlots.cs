using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

/// <summary>
/// The slots a store offers on a local day, computed from its opening hours in its own time zone: slots that would
/// start in a daylight-saving gap do not exist, and a day's slots include those after midnight of an overnight period
/// that began the evening before.
/// </summary>
internal static class PickupSlotCalendar
{
    public static IReadOnlyList<PickupSlot> On(Store store, DateOnly day, IReadOnlyDictionary<DateOnly, SpecialDay> specialDays)
    {
        if (store.PickupSlotMinutes is not { } length || store.PickupSlotCapacity is not { } capacity) return [];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var slots = new List<PickupSlot>();
        foreach (var businessDay in new[] { day.AddDays(-1), day })
        {
            foreach (var (opens, closes) in OpeningCalendar.PeriodsOf(store, businessDay, specialDays))
            {
                for (var minute = opens; minute + length <= closes; minute += length)
                {
                    var local = businessDay.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
                    if (DateOnly.FromDateTime(local) != day || zone.IsInvalidTime(local)) continue;
                    var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                    slots.Add(new PickupSlot(start, start.AddMinutes(length), capacity));
                }
            }
        }
        return slots.DistinctBy(s => s.Start).OrderBy(s => s.Start).ToList();
    }
}

/// <summary>Admins set or remove a store's pickup slots.</summary>
internal static class PickupSlotRulesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/stores/{storeId}/pickup-slots", Put).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Pace pickups: slot length (15-240 min), orders per slot, how far ahead a slot must start");
        api.MapDelete("/admin/stores/{storeId}/pickup-slots", Delete).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Stop pacing pickups: orders are taken whenever the store is open");
    }

    private static async Task<IResult> Put(string storeId, PickupSlotRulesRequest request, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Range("slotMinutes", request.SlotMinutes, 15, 240).Range("capacity", request.Capacity, 1, 10_000)
            .Range("leadMinutes", request.LeadMinutes, 0, 24 * 60, required: false);
        if (request.SlotMinutes is { } m && 24 * 60 % m != 0) v.Add("slotMinutes", "Must divide a day evenly (15, 20, 30, 60, 90, 120, ...).");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var store = await OwnStoreAsync(storeId, principal, db, ct);
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();
        store.PickupSlotMinutes = request.SlotMinutes;
        store.PickupSlotCapacity = request.Capacity;
        store.PickupLeadMinutes = request.LeadMinutes ?? 15;
        await db.SaveChangesAsync(ct);
        return Results.Ok(new PickupSlotRules(store.PickupSlotMinutes!.Value, store.PickupSlotCapacity!.Value, store.PickupLeadMinutes));
    }

    private static async Task<IResult> Delete(string storeId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var store = await OwnStoreAsync(storeId, principal, db, ct);
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();
        store.PickupSlotMinutes = null;
        store.PickupSlotCapacity = null;
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    internal static async Task<Store?> OwnStoreAsync(string storeId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var store = Guid.TryParse(storeId, out var id) ? await db.Set<Store>().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        return store is not null && (actor.IsPlatformAdmin || actor.MerchantId == store.MerchantId) ? store : null;
    }
}
