using System.Globalization;

namespace O2o.Web.Texts;

/// <summary>The circuit's language and the formats every console shares: money as ¥12.34, times in the store's zone.</summary>
public sealed class Ui
{
    public const string CookieName = "o2o.lang";

    public Lang Lang { get; set; } = Lang.Zh;

    public string Code => Lang == Lang.En ? "en" : "zh-CN";

    public string this[Text text] => text[Lang];

    public string F(Text text, params object[] args) => string.Format(CultureInfo.InvariantCulture, text[Lang], args);

    /// <summary>A product or store name: the English one where English is chosen and there is one.</summary>
    public string Name(string zh, string? en) => Lang == Lang.En && !string.IsNullOrWhiteSpace(en) ? en : zh;

    public static string Money(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}¥{abs / 100}.{abs % 100:00}");
    }

    public static string Km(double km) => km < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(km * 1000):0} m")
        : string.Create(CultureInfo.InvariantCulture, $"{km:0.0} km");

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    /// <summary>A moment as the store's clock shows it.</summary>
    public static string Time(DateTimeOffset at, string? timeZone, bool withDate = true)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone(timeZone));
        return local.ToString(withDate ? "yyyy-MM-dd HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static TimeZoneInfo Zone(string? id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(id) ? "Asia/Shanghai" : id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    public static Lang Parse(string? code) =>
        code is not null && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Zh;
}
