using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>Orders taken per pickup slot of a store, counted by conditional updates so a slot never takes more than its capacity.</summary>
internal sealed class PickupSlotCount
{
    public Guid StoreId { get; init; }
    /// <summary>The slot's start as Unix milliseconds: one exact key on both databases.</summary>
    public long SlotStartMs { get; init; }
    public int Taken { get; set; }
}

internal sealed class PickupSlotBookings(O2oDb db, IStores stores, TimeProvider clock)
{
    public static readonly Error Required = Error.Unprocessable("pickup_slot_required", "This store paces pickups: choose one of its pickup slots.");
    public static readonly Error Unavailable = Error.Unprocessable("pickup_slot_unavailable", "This pickup slot is not one the store offers now (past, too soon, or not a slot).");
    public static readonly Error Full = Error.Conflict("pickup_slot_full", "This pickup slot is full; choose another.");

    /// <summary>Checks the slot an order asks for; the slot to take (null when the store does not pace pickups).</summary>
    public async Task<Result<DateTimeOffset?>> CheckAsync(StoreInfo store, string fulfillmentType, DateTimeOffset? asked, CancellationToken ct)
    {
        if (store.PickupSlots is not { } rules || fulfillmentType != FulfillmentType.Pickup)
            return asked is null ? (DateTimeOffset?)null : Unavailable;
        if (asked is not { } start) return Required;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var slots = await stores.PickupSlotsAsync(store.Id, day, ct);
        if (!slots.Any(s => s.Start == start) || start < clock.GetUtcNow().AddMinutes(rules.LeadMinutes)) return Unavailable;
        return start.ToUniversalTime();
    }

    /// <summary>Takes one place in the slot inside the caller's transaction; false when it is full.</summary>
    public async Task<bool> TakeAsync(Guid storeId, DateTimeOffset start, int capacity, CancellationToken ct)
    {
        var key = start.ToUnixTimeMilliseconds();
        await using (var insert = db.Database.GetDbConnection().CreateCommand())
        {
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            insert.CommandText = "INSERT INTO ordering_pickup_slot_counts (store_id, slot_start_ms, taken) VALUES (@store_id, @slot, 0) ON CONFLICT DO NOTHING";
            insert.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!.CreateParameter(insert, "store_id", storeId));
            insert.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(long))!.CreateParameter(insert, "slot", key));
            await insert.ExecuteNonQueryAsync(ct);
        }
        return await db.Set<PickupSlotCount>().Where(c => c.StoreId == storeId && c.SlotStartMs == key && c.Taken < capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Taken, c => c.Taken + 1), ct) == 1;
    }

    public Task GiveBackAsync(Guid storeId, DateTimeOffset start, CancellationToken ct)
    {
        var key = start.ToUnixTimeMilliseconds();
        return db.Set<PickupSlotCount>().Where(c => c.StoreId == storeId && c.SlotStartMs == key && c.Taken > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Taken, c => c.Taken - 1), ct);
    }

    /// <summary>GET /api/stores/{id}/pickup-slots?date=: a day's slots with what each has taken.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/stores/{storeId}/pickup-slots", ListAsync).AllowAnonymous().WithTags("Browsing")
            .WithSummary("A store's pickup slots on a local date (default today, store time zone), with capacity, taken and whether each can be chosen");

    private static async Task<IResult> ListAsync(string storeId, string? date, O2oDb db, IStores stores, TimeProvider clock, CancellationToken ct)
    {
        var store = Guid.TryParse(storeId, out var id) ? await stores.FindAsync(id, ct) : null;
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out day)) return Error.Validation("date", "A date as yyyy-MM-dd.").ToProblem();
        var slots = await stores.PickupSlotsAsync(store.Id, day, ct);
        var keys = slots.Select(s => s.Start.ToUnixTimeMilliseconds()).ToList();
        var taken = await db.Set<PickupSlotCount>().AsNoTracking().Where(c => c.StoreId == store.Id && keys.Contains(c.SlotStartMs))
            .ToDictionaryAsync(c => c.SlotStartMs, c => c.Taken, ct);
        var earliest = now.AddMinutes(store.PickupSlots?.LeadMinutes ?? 0);
        return Results.Ok(slots.Select(s =>
        {
            var t = taken.GetValueOrDefault(s.Start.ToUnixTimeMilliseconds());
            var local = TimeZoneInfo.ConvertTime(s.Start, zone);
            return new PickupSlotView(local, local.Add(s.End - s.Start), s.Capacity, t, t < s.Capacity && s.Start >= earliest);
        }).ToList());
    }
}
