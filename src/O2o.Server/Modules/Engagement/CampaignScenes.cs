using System.Text.RegularExpressions;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>
/// The occasion a campaign is made for, with its parameter: a holiday's name, a season, the opening store's id, a weather condition,
/// or an hour range on the Beijing clock ("7-10"). Recorded for targeting and reporting; the admin launches the campaign.
/// </summary>
internal static partial class CampaignScenes
{
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

    [GeneratedRegex(@"^(\d{1,2})-(\d{1,2})$")]
    private static partial Regex HourRange();
}
