using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>Deliveries per store and local day: on-time rate, minutes from payment to door, distance and estimated CO₂.</summary>
internal static class DeliveryReport
{
    public const int MaxDays = 92;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/delivery/report", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Delivered orders per store and day (store's calendar): on-time rate, mean minutes, route km and estimated CO₂ (from, to: yyyy-MM-dd; storeId optional)");

    private static async Task<IResult> Handle(string? from, string? to, string? storeId, ClaimsPrincipal principal, IStores stores, O2oDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var today = ChinaTime.Today(clock.GetUtcNow());
        var v = new Validation();
        var first = ParseDay(from, today.AddDays(-6), "from", v);
        var last = ParseDay(to, today, "to", v);
        if (v.Error is null && last < first) v.Add("to", "Must not be before from.");
        if (v.Error is null && last.DayNumber - first.DayNumber >= MaxDays) v.Add("to", $"At most {MaxDays} days.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var scope = (await stores.ListAsync(actor.IsPlatformAdmin ? null : actor.MerchantId, ct)).ToDictionary(s => s.Id);
        if (storeId is not null)
        {
            if (!Guid.TryParse(storeId, out var id) || !scope.TryGetValue(id, out var only)) return DeliveryErrors.StoreNotFound.ToProblem();
            scope = new() { [id] = only };
        }
        // A day margin either side covers every store's time zone; rows are then placed on each store's own calendar.
        var since = ChinaTime.StartOf(first).AddDays(-1).ToUniversalTime();
        var until = ChinaTime.StartOf(last).AddDays(2).ToUniversalTime();
        var ids = scope.Keys.ToList();
        var jobs = await db.Set<DeliveryJob>().AsNoTracking()
            .Where(j => j.Status == JobStatus.Delivered && j.DeliveredAt >= since && j.DeliveredAt < until && ids.Contains(j.StoreId))
            .Select(j => new { j.StoreId, j.DeliveredAt, j.CreatedAt, j.PromisedBy, j.RouteKm, j.Co2Grams, j.Speed }).ToListAsync(ct);
        var rows = jobs
            .Select(j => new { Job = j, Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(j.DeliveredAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(scope[j.StoreId].TimeZone)).DateTime) })
            .Where(x => x.Day >= first && x.Day <= last)
            .GroupBy(x => (x.Job.StoreId, x.Day))
            .Select(g =>
            {
                var n = g.Count();
                var onTime = g.Count(x => x.Job.DeliveredAt <= x.Job.PromisedBy);
                var km = Math.Round(g.Sum(x => x.Job.RouteKm ?? 0), 2);
                var co2 = Math.Round(g.Sum(x => x.Job.Co2Grams ?? 0), 1);
                return new DeliveryReportRow(g.Key.StoreId.ToString(), scope[g.Key.StoreId].Name, g.Key.Day, n, onTime, Math.Round((double)onTime / n, 4),
                    Math.Round(g.Average(x => (x.Job.DeliveredAt!.Value - x.Job.CreatedAt).TotalMinutes), 1), km, co2, Math.Round(co2 / n, 1),
                    g.Count(x => x.Job.Speed == DeliverySpeeds.NoRush));
            })
            .OrderBy(r => r.Day).ThenBy(r => r.StoreName).ToArray();
        var delivered = rows.Sum(r => r.Delivered);
        return Results.Ok(new DeliveryReportResponse(first, last, rows, delivered, delivered == 0 ? 0 : Math.Round((double)rows.Sum(r => r.OnTime) / delivered, 4),
            Math.Round(rows.Sum(r => r.RouteKm), 2), Math.Round(rows.Sum(r => r.Co2Grams), 1)));
    }

    private static DateOnly ParseDay(string? text, DateOnly fallback, string field, Validation v)
    {
        if (text is null) return fallback;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)) return day;
        v.Add(field, "A day as yyyy-MM-dd.");
        return fallback;
    }
}
