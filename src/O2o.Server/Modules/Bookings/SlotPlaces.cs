using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>
/// The places of service slots: which starts are real slots that can be booked now, and taking and giving back places with
/// conditional updates (the counter row is created once, then only ever moved by <c>taken + n &lt;= capacity</c>), so
/// concurrent bookings never put more people in a slot than it takes, on either database.
/// </summary>
internal sealed class SlotPlaces(O2oDb db, IStores stores)
{
    /// <summary>Whether <paramref name="start"/> begins a slot of the service at the store that can be booked at <paramref name="now"/>; the slot when it does.</summary>
    public async Task<Result<ServiceSlot>> CheckAsync(ServiceTerms terms, StoreInfo store, DateTimeOffset start, DateTimeOffset now, CancellationToken ct)
    {
        if (start < now.AddMinutes(terms.LeadMinutes)) return BookingsErrors.SlotPast;
        if (start > now.AddDays(terms.MaxDaysAhead)) return BookingsErrors.SlotTooFar;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var slot = (await stores.ServiceSlotsAsync(store.Id, day, terms.DurationMinutes, ct)).FirstOrDefault(s => s.Start == start);
        return slot is null ? BookingsErrors.SlotUnavailable : slot;
    }

    /// <summary>Takes <paramref name="places"/> in the slot inside the caller's transaction; false when fewer are left.</summary>
    public async Task<bool> TakeAsync(Guid productId, Guid storeId, DateTimeOffset start, int places, int capacity, CancellationToken ct)
    {
        var key = start.ToUnixTimeMilliseconds();
        await using (var insert = db.Database.GetDbConnection().CreateCommand())
        {
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            insert.CommandText = "INSERT INTO bookings_slot_counts (product_id, store_id, slot_start_ms, taken) VALUES (@product_id, @store_id, @slot, 0) ON CONFLICT DO NOTHING";
            var types = db.GetService<IRelationalTypeMappingSource>();
            insert.Parameters.Add(types.FindMapping(typeof(Guid))!.CreateParameter(insert, "product_id", productId));
            insert.Parameters.Add(types.FindMapping(typeof(Guid))!.CreateParameter(insert, "store_id", storeId));
            insert.Parameters.Add(types.FindMapping(typeof(long))!.CreateParameter(insert, "slot", key));
            await insert.ExecuteNonQueryAsync(ct);
        }
        return await db.Set<BookingSlotCount>()
            .Where(c => c.ProductId == productId && c.StoreId == storeId && c.SlotStartMs == key && c.Taken + places <= capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Taken, c => c.Taken + places), ct) == 1;
    }

    public Task GiveBackAsync(Booking booking, CancellationToken ct)
    {
        var key = booking.SlotStart.ToUnixTimeMilliseconds();
        var places = booking.Quantity;
        return db.Set<BookingSlotCount>()
            .Where(c => c.ProductId == booking.ProductId && c.StoreId == booking.StoreId && c.SlotStartMs == key && c.Taken >= places)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Taken, c => c.Taken - places), ct);
    }

    public async Task<IReadOnlyDictionary<long, int>> TakenAsync(Guid productId, Guid storeId, IReadOnlyCollection<long> keys, CancellationToken ct) =>
        await db.Set<BookingSlotCount>().AsNoTracking().Where(c => c.ProductId == productId && c.StoreId == storeId && keys.Contains(c.SlotStartMs))
            .ToDictionaryAsync(c => c.SlotStartMs, c => c.Taken, ct);
}
