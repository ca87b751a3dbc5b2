using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace O2o.Tests.Support;

/// <summary>An HTTP caller of the real API, signed in or not; answers are read as JSON.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http => http;

    public Api WithToken(string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return this;
    }

    public Task<Reply> Get(string url) => Send(HttpMethod.Get, url, null);
    public Task<Reply> Post(string url, object? body = null, string? idempotencyKey = null) => Send(HttpMethod.Post, url, body, idempotencyKey);
    public Task<Reply> Put(string url, object? body) => Send(HttpMethod.Put, url, body);
    public Task<Reply> Delete(string url) => Send(HttpMethod.Delete, url, null);

    /// <summary>Sends a body exactly as given, for malformed JSON and wrong types.</summary>
    public async Task<Reply> PostRaw(string url, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await Reply.From(await http.SendAsync(request));
    }

    public async Task<Reply> Send(HttpMethod method, string url, object? body, string? idempotencyKey = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is RawJson raw) request.Content = new StringContent(raw.Text, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, body.GetType());
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(k, v);
        return await Reply.From(await http.SendAsync(request));
    }
}

public sealed record Reply(HttpStatusCode Status, JsonNode? Json, string Text, HttpResponseMessage Response)
{
    public static async Task<Reply> From(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            json = JsonNode.Parse(text);
        return new Reply(response.StatusCode, json, text, response);
    }

    public JsonNode this[string property] => Json?[property] ?? throw new InvalidOperationException($"No '{property}' in {Text}");
    public string Str(string property) => this[property].GetValue<string>();
    public long Long(string property) => this[property].GetValue<long>();
    public string? Code => Json?["code"]?.GetValue<string>();
    public T As<T>() => JsonSerializer.Deserialize<T>(Text, JsonSerializerOptions.Web)!;

    /// <summary>Asserts the status (and the problem code) with the body in the message, so a failure says why.</summary>
    public Reply Is(HttpStatusCode status, string? code = null)
    {
        Assert.True(Status == status, $"Expected {(int)status} {code}, got {(int)Status}: {Text}");
        if (code is not null) Assert.True(Code == code, $"Expected code {code}, got {Code}: {Text}");
        if ((int)status >= 400)
            Assert.Equal("application/problem+json", Response.Content.Headers.ContentType?.MediaType);
        return this;
    }
}

/// <summary>A body sent as these exact bytes.</summary>
public sealed record RawJson(string Text);
