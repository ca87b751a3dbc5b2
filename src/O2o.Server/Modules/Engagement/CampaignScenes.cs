using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// The occasion a campaign is made for, with its parameter: a holiday's name, a season, the opening store's id, a weather condition,
/// or an hour range on the Beijing clock ("7-10"). An admin launches a campaign, or the platform does when its scene holds
/// (<see cref="CampaignScheduler"/>): a holiday holds throughout the launch window the admin gave it, a season in its Beijing months,
/// an hour range in those hours, a store opening while the store is open, and a weather condition in the cities whose current report
/// says so (only customers of those cities are targeted then).
/// </summary>
internal static partial class CampaignScenes
{
    /// <summary>A weather report older than this no longer says what the weather is.</summary>
    public static readonly TimeSpan WeatherValidFor = TimeSpan.FromHours(3);

    public static readonly string[] All = ["holiday", "season", "store_opening", "weather", "time_of_day"];
    public static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];
    public static readonly string[] Weather = ["sunny", "cloudy", "rainy", "snowy", "hot", "cold", "typhoon"];

    public static async Task CheckAsync(Validation v, string? scene, string? parameter, IStores stores, CancellationToken ct)
    {
        if (scene is null || !All.Contains(scene))
        {
            v.Add("scene", $"One of {string.Join(", ", All)}.");
            return;
        }
        switch (scene)
        {
            case "holiday":
                v.Text("sceneParameter", parameter, 40);
                break;
            case "season" when parameter is null || !Seasons.Contains(parameter):
                v.Add("sceneParameter", $"A season: {string.Join(", ", Seasons)}.");
                break;
            case "weather" when parameter is null || !Weather.Contains(parameter):
                v.Add("sceneParameter", $"A weather condition: {string.Join(", ", Weather)}.");
                break;
            case "time_of_day" when parameter is null || HourRange().Match(parameter) is not { Success: true } m
                || int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
                || int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 24:
                v.Add("sceneParameter", "An hour range on the Beijing clock, from-to with from < to ≤ 24, e.g. 7-10.");
                break;
            case "store_opening" when !Guid.TryParse(parameter, out var storeId) || await stores.FindAsync(storeId, ct) is null:
                v.Add("sceneParameter", "The id of the store that opens.");
                break;
        }
    }

    /// <summary>Whether the scene holds at <paramref name="now"/>; for weather, the cities where it does (null: it is not about places).</summary>
    public static async Task<(bool Holds, IReadOnlyList<string>? Cities)> NowAsync(Campaign campaign, DateTimeOffset now, O2oDb db, IStores stores,
        CancellationToken ct)
    {
        var local = ChinaTime.ToLocal(now);
        switch (campaign.Scene)
        {
            case "season":
                return (SeasonOf(local.Month) == campaign.SceneParameter, null);
            case "time_of_day":
                var m = HourRange().Match(campaign.SceneParameter ?? "");
                return (m.Success && local.Hour >= int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                    && local.Hour < int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), null);
            case "store_opening":
                return (Guid.TryParse(campaign.SceneParameter, out var storeId) && await stores.FindAsync(storeId, ct) is { OpenNow: true }, null);
            case "weather":
                var since = now - WeatherValidFor;
                var cities = await db.Set<WeatherReport>().AsNoTracking()
                    .Where(w => w.Condition == campaign.SceneParameter && w.ReportedAt > since && w.ReportedAt <= now)
                    .OrderBy(w => w.City).Select(w => w.City).ToListAsync(ct);
                return (cities.Count > 0, cities);
            default:
                return (true, null);
        }
    }

    public static string SeasonOf(int month) => month switch
    {
        3 or 4 or 5 => "spring",
        6 or 7 or 8 => "summer",
        9 or 10 or 11 => "autumn",
        _ => "winter",
    };

    [GeneratedRegex(@"^(\d{1,2})-(\d{1,2})$")]
    private static partial Regex HourRange();
}
