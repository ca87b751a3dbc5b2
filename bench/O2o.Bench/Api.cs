using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>Setup could not be done (the server refused or is not there): printed, exit code 3.</summary>
internal sealed class SetupException(string message) : Exception(message);

/// <summary>
/// One answer of the server. <see cref="Status"/> 0 means no HTTP answer at all (timeout, refused connection);
/// <see cref="Code"/> is the problem-details <c>code</c> of an error, or a local reason for status 0.
/// <see cref="Ticks"/> is the Stopwatch time from sending to having read the whole body.
/// </summary>
internal readonly record struct Reply(int Status, JsonNode? Body, string? Code, string? Detail, long Ticks)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>"409 sold_out", "500", "0 timeout": the key errors are counted by.</summary>
    public string Outcome => Code is null ? Status.ToString(Inv.C) : $"{Status.ToString(Inv.C)} {Code}";

    public string Describe() => Detail is null ? Outcome : $"{Outcome}: {Detail}";

    public string RequireString(string what, params string[] path)
    {
        var value = Json.Str(Body, path);
        return value ?? throw new SetupException($"{what}: the answer ({Status.ToString(Inv.C)}) has no {string.Join(".", path)}");
    }
}

/// <summary>The one HttpClient of a run and the JSON calls made through it.</summary>
internal sealed class Api : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;

    public Api(int maxConnectionsPerServer, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(maxConnectionsPerServer, 16),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("o2o-bench", "1.0"));
    }

    public Task<Reply> GetAsync(string url, string? token = null) => SendAsync(HttpMethod.Get, url, token, null);

    public Task<Reply> PostAsync(string url, string? token, JsonNode? body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, url, token, body, idempotencyKey);

    public Task<Reply> PutAsync(string url, string? token, JsonNode? body) => SendAsync(HttpMethod.Put, url, token, body);

    public async Task<Reply> SendAsync(HttpMethod method, string url, string? token, JsonNode? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
            request.Content.Headers.ContentType = JsonType;
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var ticks = Stopwatch.GetTimestamp() - start;
            var status = (int)response.StatusCode;
            JsonNode? node = null;
            if (bytes.Length > 0)
            {
                try { node = JsonNode.Parse(bytes); }
                catch (JsonException) { /* not JSON: keep the status */ }
            }
            string? code = null, detail = null;
            if (status >= 400)
            {
                code = Json.Str(node, "code");
                detail = Json.Str(node, "detail") ?? Json.Str(node, "title") ?? (node is null && bytes.Length > 0 ? Shorten(Encoding.UTF8.GetString(bytes)) : null);
                if (Json.Get(node, "errors") is JsonObject errors) detail = $"{detail} {errors.ToJsonString()}";
            }
            return new Reply(status, node, code, detail, ticks);
        }
        catch (TaskCanceledException)
        {
            return new Reply(0, null, "timeout", $"no answer within {_http.Timeout.TotalSeconds.ToString(Inv.C)} s", Stopwatch.GetTimestamp() - start);
        }
        catch (HttpRequestException e)
        {
            var reason = e.HttpRequestError == HttpRequestError.Unknown ? "http_error" : "http_" + Inv.Snake(e.HttpRequestError.ToString());
            return new Reply(0, null, reason, e.Message, Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>
    /// Posts a body exactly as given, with the caller's headers and content type (a gateway's notification);
    /// also returns one response header, since gateways' acknowledgements are not problem details.
    /// </summary>
    public async Task<(int Status, string? Header, long Ticks, string? Error)> PostRawAsync(string url, IReadOnlyDictionary<string, string> headers,
        string body, string contentType, string responseHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var header = response.Headers.TryGetValues(responseHeader, out var values) ? string.Join(",", values) : null;
            return ((int)response.StatusCode, header, Stopwatch.GetTimestamp() - start, null);
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
        {
            return (0, null, Stopwatch.GetTimestamp() - start, e is TaskCanceledException ? "timeout" : "http_error");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public void Dispose() => _http.Dispose();
}

internal static class Json
{
    public static JsonNode? Get(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node)) return null;
        }
        return node;
    }

    public static string? Str(JsonNode? node, params string[] path) =>
        Get(node, path) is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonNode? node, params string[] path) =>
        Get(node, path) is JsonValue value && value.TryGetValue<long>(out var n) ? n : null;

    public static bool? Bool(JsonNode? node, params string[] path) =>
        Get(node, path) is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map) => new(items.Select(map).ToArray());
}

/// <summary>Invariant-culture formatting helpers, so figures look the same on every machine.</summary>
internal static class Inv
{
    public static readonly IFormatProvider C = System.Globalization.CultureInfo.InvariantCulture;

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(C), C);

    public static string N(long value) => value.ToString("N0", C);

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
