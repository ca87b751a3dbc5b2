namespace O2o.Server.Platform;

/// <summary>Chinese is the default; English when the caller's first preference is English.</summary>
public static class Language
{
    public static bool PrefersEnglish(HttpRequest request) => Prefers(request, "en");

    /// <summary>Problem details stay English (the API's lingua franca) unless the caller asks for Chinese.</summary>
    public static bool PrefersChinese(HttpRequest request) => Prefers(request, "zh");

    private static bool Prefers(HttpRequest request, string language)
    {
        if (request.Query.TryGetValue("lang", out var lang)) return lang.ToString().StartsWith(language, StringComparison.OrdinalIgnoreCase);
        var first = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return first is not null && first.Value.StartsWith(language, StringComparison.OrdinalIgnoreCase);
    }

    public static bool PrefersEnglish(this HttpContext context) => PrefersEnglish(context.Request);
}

