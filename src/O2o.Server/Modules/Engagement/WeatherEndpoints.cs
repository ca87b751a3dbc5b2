using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// The weather now, per city, as a weather feed (or an operator) reports it: what weather scenes launch on. The latest report of a
/// city replaces the one before; it counts for <see cref="CampaignScenes.WeatherValidFor"/>.
/// </summary>
internal static class WeatherEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var weather = api.MapGroup("/admin/engagement/weather").WithTags("Segments and campaigns");
        weather.MapPut("/{city}", Report).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Report the weather now in a city (sunny, cloudy, rainy, snowy, hot, cold, typhoon); automatic weather campaigns launch on it");
        weather.MapGet("", List).RequireAuthorization(Policies.Admin).WithSummary("The latest weather report of every city, and whether it still counts");
    }

    private static async Task<Results<Ok<WeatherReportResponse>, ProblemHttpResult>> Report(string city, WeatherReportRequest request, O2oDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("city", city, 40);
        if (request.Condition is null || !CampaignScenes.Weather.Contains(request.Condition))
            v.Add("condition", $"One of {string.Join(", ", CampaignScenes.Weather)}.");
        if (v.Error is not null) return v.Error.ToProblem();
        var name = city.Trim();
        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var report = await db.Set<WeatherReport>().FirstOrDefaultAsync(w => w.City == name, ct);
            if (report is null) db.Add(report = new WeatherReport { City = name, Condition = request.Condition!, ReportedAt = now });
            else (report.Condition, report.ReportedAt) = (request.Condition!, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ToResponse(report, now));
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // the city's first report came twice at once: the other one is in, so replace it
            }
        }
    }

    private static async Task<Ok<WeatherReportResponse[]>> List(O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reports = await db.Set<WeatherReport>().AsNoTracking().OrderBy(w => w.City).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(reports.Select(r => ToResponse(r, now)).ToArray());
    }

    private static WeatherReportResponse ToResponse(WeatherReport r, DateTimeOffset now) =>
        new(r.City, r.Condition, r.ReportedAt, r.ReportedAt > now - CampaignScenes.WeatherValidFor);
}
