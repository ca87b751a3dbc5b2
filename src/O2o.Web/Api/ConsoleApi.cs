using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using O2o.Web.Texts;

namespace O2o.Web.Api;

/// <summary>
/// The consoles speak to the platform through its public HTTP API, as the signed-in user, so every rule and every
/// permission is the API's own. A refused call comes back as the problem details' message.
/// </summary>
public sealed class ConsoleApi(IHttpClientFactory factory, ApiSession session, Ui ui, SessionStore store)
{
    public const string ClientName = "o2o-consoles";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<TValue>> GetAsync<TValue>(string path) => SendAsync<TValue>(HttpMethod.Get, path, null);

    public Task<ApiResult<TValue>> PostAsync<TValue>(string path, object? body, string? idempotencyKey = null) =>
        SendAsync<TValue>(HttpMethod.Post, path, body, idempotencyKey);

    public Task<ApiResult<TValue>> PutAsync<TValue>(string path, object? body) => SendAsync<TValue>(HttpMethod.Put, path, body);

    public async Task<ApiResult<TValue>> SendAsync<TValue>(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        try
        {
            using var response = await SendWithRefreshAsync(method, path, body, idempotencyKey);
            if (!response.IsSuccessStatusCode) return new(default, await ProblemOf(response));
            if (response.StatusCode == HttpStatusCode.NoContent || typeof(TValue) == typeof(NoContent)) return new(default, null);
            return new(await response.Content.ReadFromJsonAsync<TValue>(Json), null);
        }
        catch (HttpRequestException)
        {
            return new(default, new ApiProblem(0, "network", ui[T.NetworkError], []));
        }
    }

    /// <summary>A list the API answers a page at a time: the page's items and the total from <c>X-Total-Count</c>.</summary>
    public async Task<ApiResult<ListPage<TItem>>> GetPageAsync<TItem>(string path)
    {
        try
        {
            using var response = await SendWithRefreshAsync(HttpMethod.Get, path, null, null);
            if (!response.IsSuccessStatusCode) return new(default, await ProblemOf(response));
            var items = await response.Content.ReadFromJsonAsync<TItem[]>(Json) ?? [];
            var total = response.Headers.TryGetValues("X-Total-Count", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : items.Length;
            return new(new ListPage<TItem>(items, total), null);
        }
        catch (HttpRequestException)
        {
            return new(default, new ApiProblem(0, "network", ui[T.NetworkError], []));
        }
    }

    private async Task<HttpResponseMessage> SendWithRefreshAsync(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        var response = await SendOnceAsync(method, path, body, idempotencyKey, session.User?.AccessToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || session.User is not { } user) return response;
        // Access tokens live minutes; a circuit lives longer. Trade the single-use refresh token and try once more.
        var refreshed = await RefreshAsync(user.RefreshToken);
        if (refreshed is null) return response;
        response.Dispose();
        return await SendOnceAsync(method, path, body, idempotencyKey, refreshed.AccessToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, object? body, string? idempotencyKey, string? token)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(ui.Code));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        return await factory.CreateClient(ClientName).SendAsync(request);
    }

    /// <summary>Signs in through /api/auth/login and learns who the user is from /api/me.</summary>
    public async Task<ApiProblem?> SignInAsync(ConsoleArea area, string email, string password)
    {
        var login = await PostAsync<TokenResponse>("api/auth/login", new LoginRequest(email, password));
        if (login.Problem is not null) return login.Problem;
        return await AdoptAsync(area, login.Value!) is null ? new ApiProblem(401, "unauthorized", ui[T.SignInFailed], []) : null;
    }

    public async Task<SignedInUser?> RefreshAsync(string refreshToken)
    {
        using var response = await SendOnceAsync(HttpMethod.Post, "api/auth/refresh", new RefreshRequest(refreshToken), null, null);
        if (!response.IsSuccessStatusCode)
        {
            session.Set(session.Area, null);
            await store.ForgetAsync(session.Area);
            return null;
        }
        return await AdoptAsync(session.Area, (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!);
    }

    public async Task SignOutAsync()
    {
        session.Set(session.Area, null);
        await store.ForgetAsync(session.Area);
    }

    private async Task<SignedInUser?> AdoptAsync(ConsoleArea area, TokenResponse tokens)
    {
        using var response = await SendOnceAsync(HttpMethod.Get, "api/me", null, null, tokens.AccessToken);
        if (!response.IsSuccessStatusCode) return null;
        var user = new SignedInUser(tokens.AccessToken, tokens.RefreshToken, (await response.Content.ReadFromJsonAsync<MeResponse>(Json))!);
        session.Set(area, user);
        await store.KeepAsync(area, user.RefreshToken);
        return user;
    }

    private async Task<ApiProblem> ProblemOf(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json);
            var fields = problem?.Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList() ?? [];
            return new ApiProblem(status, problem?.Code, problem?.Detail ?? problem?.Title ?? ui[T.UnexpectedError], fields);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null, $"{ui[T.UnexpectedError]} (HTTP {status})", []);
        }
    }

    private sealed record ProblemBody(string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
}

/// <summary>For calls whose answer has no body worth reading.</summary>
public sealed record NoContent;
