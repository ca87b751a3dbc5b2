namespace O2o.Server.Platform;

/// <summary>Chinese is the default; English when the caller's first preference is English.</summary>
public static class Language
{
    public static bool PrefersEnglish(HttpRequest request)
    {
        if (request.Query.TryGetValue("lang", out var lang)) return lang.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        var first = accepted.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return first is not null && first.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    public static bool PrefersEnglish(this HttpContext context) => PrefersEnglish(context.Request);
}

