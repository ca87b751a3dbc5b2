using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>A customer account made for this run, signed in at the server it is assigned to.</summary>
internal sealed class Customer(int index, string email, string password, string baseUrl) : IDisposable
{
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private volatile string _token = "";
    private string? _refreshToken;
    private long _expiresAtTicks;

    public int Index { get; } = index;
    public string Email { get; } = email;
    public string Password { get; } = password;
    public string BaseUrl { get; } = baseUrl;
    public string Token => _token;
    public DateTimeOffset ExpiresAt => new(Interlocked.Read(ref _expiresAtTicks), TimeSpan.Zero);

    /// <summary>Takes the tokens of a login or refresh answer; false if it has none.</summary>
    public bool Accept(Reply reply)
    {
        if (!reply.IsSuccess || Json.Str(reply.Body, "accessToken") is not { } token) return false;
        _refreshToken = Json.Str(reply.Body, "refreshToken");
        var lifetime = Json.Long(reply.Body, "expiresIn") ?? 900;
        Interlocked.Exchange(ref _expiresAtTicks, DateTimeOffset.UtcNow.AddSeconds(lifetime).UtcTicks);
        _token = token;
        return true;
    }

    /// <summary>
    /// New tokens after a 401 or before they run out (access tokens are short-lived): the refresh token first
    /// (cheap), a full login if that fails; one at a time per customer, and only if nobody did it meanwhile.
    /// </summary>
    public async Task<bool> RenewAsync(Api api, string staleToken)
    {
        await _signIn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_token, staleToken)) return true; // another worker already did
            if (_refreshToken is { } refresh
                && Accept(await api.PostAsync($"{BaseUrl}/api/auth/refresh", null, new JsonObject { ["refreshToken"] = refresh }).ConfigureAwait(false)))
                return true;
            return Accept(await Setup.LoginAsync(api, BaseUrl, Email, Password).ConfigureAwait(false));
        }
        finally
        {
            _signIn.Release();
        }
    }

    public void Dispose() => _signIn.Dispose();
}

/// <summary>What every verb needs before the load: an admin session, a store that is always open, products, stock, customers.</summary>
internal sealed class Setup(Api api, string baseUrl, string adminEmail, string adminPassword, string adminToken, string runId)
{
    private string _adminToken = adminToken;

    public const string CustomerPassword = "Bench123!";

    // People's Square, Shanghai
    private const double Lat = 31.2304, Lng = 121.4737;

    public string BaseUrl { get; } = baseUrl;
    public string RunId { get; } = runId;

    /// <summary>A short id that makes this run's e-mails and SKUs unique on a database that already saw other runs.</summary>
    public static string NewRunId() =>
        DateTime.UtcNow.ToString("MMddHHmmss", Inv.C) + Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();

    public static Task<Reply> LoginAsync(Api api, string baseUrl, string email, string password) =>
        api.PostAsync($"{baseUrl}/api/auth/login", null, new JsonObject { ["email"] = email, ["password"] = password });

    public static async Task<Setup> SignInAdminAsync(Api api, string baseUrl, string email, string password, string runId)
    {
        var health = await api.GetAsync($"{baseUrl}/health").ConfigureAwait(false);
        if (health.Status == 0) throw new SetupException($"No server at {baseUrl}: {health.Describe()}");
        var reply = await LoginAsync(api, baseUrl, email, password).ConfigureAwait(false);
        if (!reply.IsSuccess) throw new SetupException($"Admin login as {email} at {baseUrl} failed: {reply.Describe()}");
        return new Setup(api, baseUrl, email, password, reply.RequireString("admin login", "accessToken"), runId);
    }

    /// <summary>A call as the platform admin at the first server; signs in again once if the token has run out.</summary>
    public async Task<Reply> AdminAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var reply = await api.SendAsync(method, BaseUrl + path, _adminToken, body).ConfigureAwait(false);
        if (reply.Status != 401) return reply;
        var login = await LoginAsync(api, BaseUrl, adminEmail, adminPassword).ConfigureAwait(false);
        if (!login.IsSuccess || Json.Str(login.Body, "accessToken") is not { } token) return reply;
        _adminToken = token;
        return await api.SendAsync(method, BaseUrl + path, _adminToken, body).ConfigureAwait(false);
    }

    public async Task<string> CreateStoreAsync()
    {
        var body = new JsonObject
        {
            ["name"] = $"压测门店 {RunId}",
            ["nameEn"] = $"Bench store {RunId}",
            ["address"] = "上海市黄浦区人民大道200号",
            ["lat"] = Lat,
            ["lng"] = Lng,
            ["timeZone"] = "Asia/Shanghai",
            ["services"] = new JsonArray("pickup", "delivery"),
            ["deliveryRadiusKm"] = 5,
        };
        var reply = await AdminAsync(HttpMethod.Post, "/api/admin/stores", body).ConfigureAwait(false);
        if (reply.Status != 201) throw new SetupException($"Creating the store failed: {reply.Describe()}");
        return reply.RequireString("create store", "id");
    }

    public async Task<string> CreateProductAsync(int number, long priceFen)
    {
        var body = new JsonObject
        {
            ["sku"] = $"BENCH-{RunId}-{number.ToString(Inv.C)}",
            ["name"] = $"压测商品 {number.ToString(Inv.C)}",
            ["nameEn"] = $"Bench product {number.ToString(Inv.C)}",
            ["priceFen"] = priceFen,
        };
        var reply = await AdminAsync(HttpMethod.Post, "/api/admin/products", body).ConfigureAwait(false);
        if (reply.Status != 201) throw new SetupException($"Creating product {number} failed: {reply.Describe()}");
        return reply.RequireString("create product", "id");
    }

    /// <summary>One of a mix of promotions at the store (满减 tiers, percentages in several stacking groups, 第二件半价, member price, free delivery).</summary>
    public async Task CreatePromotionAsync(string storeId, string[] products, int k)
    {
        var body = new JsonObject
        {
            ["name"] = $"压测促销 {k.ToString(Inv.C)}", ["storeIds"] = new JsonArray(storeId),
            ["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", Inv.C), ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O", Inv.C),
        };
        switch (k % 5)
        {
            case 0:
                body["kind"] = "spend_save";
                body["tiers"] = new JsonArray(new JsonObject { ["thresholdFen"] = 1000 + k, ["amountFen"] = 100 }, new JsonObject { ["thresholdFen"] = 3000 + k, ["amountFen"] = 400 });
                body["stackingGroup"] = $"g{(k % 3).ToString(Inv.C)}";
                break;
            case 1:
                (body["kind"], body["percent"], body["capFen"], body["stackingGroup"]) = ("percent_off", 5 + k % 10, 500, $"p{(k % 2).ToString(Inv.C)}");
                break;
            case 2:
                (body["kind"], body["nthUnit"], body["percent"]) = ("nth_item", 2, 50);
                body["productIds"] = new JsonArray(products[0]);
                break;
            case 3:
                (body["kind"], body["priceFen"]) = ("member_price", 800);
                body["productIds"] = new JsonArray(products[1]);
                break;
            default:
                (body["kind"], body["minSpendFen"]) = ("free_delivery", 2000);
                break;
        }
        var reply = await AdminAsync(HttpMethod.Post, "/api/admin/promotions", body).ConfigureAwait(false);
        if (reply.Status != 201) throw new SetupException($"Creating promotion {k} failed: {reply.Describe()}");
    }

    public async Task SetStockAsync(string storeId, string productId, int onHand)
    {
        var reply = await AdminAsync(HttpMethod.Put, $"/api/admin/stores/{storeId}/inventory/{productId}",
            new JsonObject { ["onHand"] = onHand }).ConfigureAwait(false);
        if (!reply.IsSuccess) throw new SetupException($"Setting stock of {productId} at {storeId} to {onHand} failed: {reply.Describe()}");
    }

    public async Task<JsonNode?> ConsistencyAsync()
    {
        var reply = await AdminAsync(HttpMethod.Get, "/api/admin/inventory/consistency").ConfigureAwait(false);
        return reply.IsSuccess ? reply.Body : new JsonObject { ["error"] = reply.Describe() };
    }

    /// <summary>
    /// Registers and signs in <paramref name="count"/> customers with bounded parallelism (password hashing is
    /// deliberately slow), customer i at <c>urls[i % urls.Count]</c>; progress on stderr.
    /// </summary>
    public async Task<Customer[]> RegisterCustomersAsync(int count, IReadOnlyList<string> urls, int parallelism, string label)
    {
        var customers = new Customer[count];
        using var progress = new Progress($"registering {label}", count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var url = urls[i % urls.Count];
            var email = $"bench.{RunId}.{i.ToString(Inv.C)}@bench.o2o.test";
            var customer = new Customer(i, email, CustomerPassword, url);
            var register = await RetryAsync(() => api.PostAsync($"{url}/api/auth/register", null, new JsonObject
            {
                ["email"] = email,
                ["password"] = CustomerPassword,
                ["displayName"] = $"压测顾客 {i.ToString(Inv.C)}",
            })).ConfigureAwait(false);
            if (register.Status != 201 && register.Code != "account_exists")
                throw new SetupException($"Registering {email} at {url} failed: {register.Describe()}");
            var login = await RetryAsync(() => LoginAsync(api, url, email, CustomerPassword)).ConfigureAwait(false);
            if (!login.IsSuccess) throw new SetupException($"Login of {email} at {url} failed: {login.Describe()}");
            if (!customer.Accept(login)) throw new SetupException($"Login of {email} at {url}: the answer has no accessToken");
            customers[i] = customer;
            progress.Increment();
        }).ConfigureAwait(false);
        progress.Finish();
        return customers;
    }

    /// <summary>Renews the tokens of customers whose access token runs out within <paramref name="needed"/> (registering many takes a while).</summary>
    public async Task EnsureFreshTokensAsync(Customer[] customers, TimeSpan needed, int parallelism)
    {
        var deadline = DateTimeOffset.UtcNow + needed;
        var stale = customers.Where(c => c.ExpiresAt < deadline).ToList();
        if (stale.Count == 0) return;
        using var progress = new Progress("renewing tokens", stale.Count);
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (c, _) =>
        {
            if (!await c.RenewAsync(api, c.Token).ConfigureAwait(false))
                throw new SetupException($"Renewing the tokens of {c.Email} failed");
            progress.Increment();
        }).ConfigureAwait(false);
        progress.Finish();
    }

    /// <summary>Setup calls retry a few times on no answer, 429 and 5xx; the load itself never retries.</summary>
    private static async Task<Reply> RetryAsync(Func<Task<Reply>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await call().ConfigureAwait(false);
            if (attempt >= 4 || !(reply.Status is 0 or 429 or >= 500)) return reply;
            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt)).ConfigureAwait(false);
        }
    }
}
