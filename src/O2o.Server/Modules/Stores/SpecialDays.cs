using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

/// <summary>
/// A date on which a store keeps other hours than its weekly ones: closed (a holiday, a stocktake) or open only
/// <see cref="OpensMinute"/> to <see cref="ClosesMinute"/>. Slot calendars (pickup and services) follow it.
/// </summary>
internal sealed class SpecialDay
{
    public Guid StoreId { get; init; }
    public DateOnly Date { get; init; }
    /// <summary>Null (with <see cref="ClosesMinute"/>): closed all day.</summary>
    public int? OpensMinute { get; set; }
    public int? ClosesMinute { get; set; }
    public string? Note { get; set; }

    public SpecialDayView ToView() => new(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OpensMinute is null,
        OpensMinute is { } o ? OpeningPeriod.Format(o) : null, ClosesMinute is { } c ? OpeningPeriod.Format(c) : null, Note);
}

/// <summary>Admins set a store's holidays, closures and special hours; anyone may read them.</summary>
internal static class SpecialDayEndpoints
{
    private const int MaxListDays = 366;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/admin/stores/{storeId}/special-days/{date}", Put).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Close a store on a date (holiday, closure) or give it special hours that day; slots follow");
        api.MapDelete("/admin/stores/{storeId}/special-days/{date}", Delete).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Back to the usual opening hours on a date");
        api.MapGet("/stores/{storeId}/special-days", List).AllowAnonymous().WithTags("Browsing")
            .WithSummary("A store's special days from a date (default today) for up to a year (default 90 days)");
    }

    private static async Task<IResult> Put(string storeId, string date, SpecialDayRequest request, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Text("note", request.Note, 200, required: false);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) v.Add("date", "A date as yyyy-MM-dd.");
        int? opens = null, closes = null;
        if (request.Closed != true)
        {
            if (!OpeningPeriod.TryParseTime(request.Opens, false, out var o)) v.Add("opens", "HH:mm, or set closed.");
            else opens = o;
            if (!OpeningPeriod.TryParseTime(request.Closes, true, out var c)) v.Add("closes", "HH:mm (24:00 for midnight), or set closed.");
            else closes = c;
            if (opens is not null && opens == closes) v.Add("closes", "Must differ from opens.");
        }
        if (v.Error is { } invalid) return invalid.ToProblem();
        var store = await PickupSlotRulesEndpoints.OwnStoreAsync(storeId, principal, db, ct);
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();

        var special = await db.Set<SpecialDay>().FirstOrDefaultAsync(s => s.StoreId == store.Id && s.Date == day, ct);
        if (special is null) db.Add(special = new SpecialDay { StoreId = store.Id, Date = day });
        special.OpensMinute = opens;
        special.ClosesMinute = closes;
        special.Note = request.Note?.Trim();
        await db.SaveChangesAsync(ct);
        return Results.Ok(special.ToView());
    }

    private static async Task<IResult> Delete(string storeId, string date, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Error.Validation("date", "A date as yyyy-MM-dd.").ToProblem();
        var store = await PickupSlotRulesEndpoints.OwnStoreAsync(storeId, principal, db, ct);
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();
        await db.Set<SpecialDay>().Where(s => s.StoreId == store.Id && s.Date == day).ExecuteDeleteAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> List(string storeId, string? from, int? days, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var store = Guid.TryParse(storeId, out var id) ? await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (store is null) return Error.NotFound("store_not_found", "The store").ToProblem();
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone)).DateTime);
        var v = new Validation().Range("days", days, 1, MaxListDays, required: false);
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)) v.Add("from", "A date as yyyy-MM-dd.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var end = start.AddDays(days ?? 90);
        var list = await db.Set<SpecialDay>().AsNoTracking().Where(s => s.StoreId == store.Id && s.Date >= start && s.Date < end).OrderBy(s => s.Date).ToListAsync(ct);
        return Results.Ok(list.Select(s => s.ToView()).ToList());
    }

    /// <summary>The special days of a store around a local day: those that can shape its slots (the day before runs past midnight).</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, SpecialDay>> AroundAsync(O2oDb db, Guid storeId, DateOnly day, CancellationToken ct)
    {
        var before = day.AddDays(-1);
        return await db.Set<SpecialDay>().AsNoTracking().Where(s => s.StoreId == storeId && s.Date >= before && s.Date <= day).ToDictionaryAsync(s => s.Date, ct);
    }
}
