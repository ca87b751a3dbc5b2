using System.Globalization;

namespace O2o.Web.Shared;

public static class Forms
{
    public static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"12.34" yuan as typed into a form, in fen; null when it is not a price.</summary>
    public static long? Fen(string? yuan) =>
        decimal.TryParse(yuan?.Trim().TrimStart('¥'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && decimal.Round(value * 100) == value * 100 ? (long)(value * 100) : null;
}
