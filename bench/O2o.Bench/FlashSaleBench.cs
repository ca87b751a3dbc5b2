using System.Diagnostics;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>
/// flashsale: N registered buyers are released at once on a flash sale of Q units (L per customer), C concurrent
/// workers sending A attempts per buyer; then the outcome is checked against the sale, the buyers' orders and the
/// stock ledger.
/// </summary>
internal static class FlashSaleBench
{
    public static readonly string[] Options =
    [
        "url", "urls", "buyers", "quantity", "limit", "concurrency", "attempts-per-buyer", "admin-email", "admin-password",
        "register-parallelism", "timeout", "json", "label", "verify-sample", "verify-all", "idempotency-keys", "stock", "price-fen",
    ];

    private const int Created = 0, SoldOut = 1, LimitExceeded = 2, Other = 3;

    public static async Task<RunResult> RunAsync(Args args)
    {
        args.EnsureOnly(Options);
        if (args.Has("url") && args.Has("urls")) throw new UsageException("Give --url or --urls, not both.");
        var urls = (args.Has("urls") ? args.GetList("urls") : [args.Get("url", Program.DefaultUrl)]).Select(Program.TrimUrl).ToArray();
        var buyers = args.GetInt("buyers", 200, 1, 1_000_000);
        var quantity = args.GetInt("quantity", 50, 1, 10_000);
        var limit = args.GetInt("limit", 1, 1, 10_000);
        var attemptsPerBuyer = args.GetInt("attempts-per-buyer", 1, 1, 1000);
        var concurrency = args.GetInt("concurrency", Math.Min(buyers * attemptsPerBuyer, 1000), 1, 100_000);
        var registerParallelism = args.GetInt("register-parallelism", 16, 1, 1000);
        var timeout = args.GetSeconds("timeout", 60, 1, 3600);
        var verifySample = args.GetInt("verify-sample", 200, 0, 1_000_000);
        var verifyAll = args.Flag("verify-all");
        var idempotencyKeys = args.Flag("idempotency-keys");
        var stock = args.GetInt("stock", quantity, quantity, 1_000_000_000);
        var priceFen = args.GetInt("price-fen", 590, 1, 100_000_000);

        using var api = new Api(concurrency + 16, TimeSpan.FromSeconds(timeout));
        var runId = Setup.NewRunId();
        Log.Info($"flash-sale bench {runId} against {string.Join(", ", urls)}: {buyers} buyers x {attemptsPerBuyer} attempts, " +
                 $"{quantity} units, limit {limit} per customer, {concurrency} concurrent");

        var setup = await Setup.SignInAdminAsync(api, urls[0], args.Get("admin-email", Program.AdminEmail), args.Get("admin-password", Program.AdminPassword), runId);
        var storeId = await setup.CreateStoreAsync();
        var productId = await setup.CreateProductAsync(1, 1290);
        await setup.SetStockAsync(storeId, productId, stock);
        foreach (var other in urls.Skip(1))
        {
            var health = await api.GetAsync($"{other}/health");
            if (health.Status == 0) throw new SetupException($"No server at {other}: {health.Describe()}");
        }
        Log.Info($"store {storeId}, product {productId} with {Inv.N(stock)} on hand");
        var customers = await setup.RegisterCustomersAsync(buyers, urls, registerParallelism, "buyers");

        await setup.EnsureFreshTokensAsync(customers, TimeSpan.FromMinutes(5), registerParallelism);

        // The sale is created only now, so registration time does not eat into its window or the payment timeout.
        var now = DateTimeOffset.UtcNow;
        var sale = await setup.AdminAsync(HttpMethod.Post, "/api/admin/flash-sales", new JsonObject
        {
            ["productId"] = productId,
            ["storeIds"] = new JsonArray(storeId),
            ["priceFen"] = priceFen,
            ["quantity"] = quantity,
            ["perCustomerLimit"] = limit,
            ["startsAt"] = now.AddMinutes(-1).ToString("O", Inv.C),
            ["endsAt"] = now.AddHours(1).ToString("O", Inv.C),
        });
        if (sale.Status != 201) throw new SetupException($"Creating the flash sale failed: {sale.Describe()}");
        var saleId = sale.RequireString("create flash sale", "id");
        Log.Info($"flash sale {saleId}: {quantity} units at {priceFen} fen, {limit} per customer");

        await PrewarmAsync(api, urls, customers, saleId, Math.Min(concurrency, buyers * attemptsPerBuyer));

        var stampede = await StampedeAsync(api, customers, saleId, storeId, attemptsPerBuyer, concurrency, idempotencyKeys);
        Log.Info($"stampede done in {Inv.F(stampede.Seconds, 3)} s; checking the outcome");

        var check = await VerifyAsync(api, setup, customers, stampede, saleId, storeId, productId, quantity, limit, attemptsPerBuyer, stock,
            verifyAll, verifySample, registerParallelism);
        return Report(stampede, check, urls, buyers, quantity, limit, concurrency, attemptsPerBuyer, idempotencyKeys, saleId, storeId, productId, args.Get("label"));
    }

    /// <summary>Opens the connections (and warms each server's sale route) before the start signal, so the stampede measures the sale, not TCP handshakes.</summary>
    private static async Task PrewarmAsync(Api api, string[] urls, Customer[] customers, string saleId, int concurrency)
    {
        var perUrl = Math.Max(1, (concurrency + urls.Length - 1) / urls.Length);
        var calls = new List<Task<Reply>>();
        foreach (var (url, u) in urls.Select((url, u) => (url, u)))
        {
            var customer = customers.FirstOrDefault(c => c.BaseUrl == url) ?? customers[0];
            for (var i = 0; i < perUrl; i++) calls.Add(api.GetAsync($"{url}/api/flash-sales/{saleId}", customer.Token));
        }
        var replies = await Task.WhenAll(calls);
        var failed = replies.Where(r => !r.IsSuccess).ToList();
        if (failed.Count > 0) throw new SetupException($"Reading the sale failed {failed.Count} times, e.g. {failed[0].Describe()}");
        Log.Info($"opened {Inv.N(calls.Count)} connections over {urls.Length} server(s)");
    }

    /// <summary>What happened to each attempt, in arrays indexed by attempt, so workers never contend.</summary>
    private sealed record Stampede(
        int[] Buyer, int[] Status, string?[] Code, long[] Ticks, long[] SentAt, long[] EndedAt, string?[] OrderId, double Seconds, long StartTimestamp,
        int Workers, ErrorCounts Others);

    private static async Task<Stampede> StampedeAsync(Api api, Customer[] customers, string saleId, string storeId, int attemptsPerBuyer,
        int concurrency, bool idempotencyKeys)
    {
        var total = customers.Length * attemptsPerBuyer;
        // attempt-major: every buyer's first attempt, then every buyer's second, ...
        var buyer = new int[total];
        for (var i = 0; i < total; i++) buyer[i] = i % customers.Length;
        var status = new int[total];
        var code = new string?[total];
        var ticks = new long[total];
        var sentAt = new long[total];
        var endedAt = new long[total];
        var orderIds = new string?[total];
        var others = new ErrorCounts();
        var next = -1;
        var body = new JsonObject
        {
            ["quantity"] = 1,
            ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["storeId"] = storeId },
        };
        var keyPrefix = $"bench-{Guid.NewGuid():N}";

        var workers = Math.Min(concurrency, total);
        var ready = 0;
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref ready) == workers) allReady.TrySetResult();
            await go.Task;
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var customer = customers[buyer[i]];
                sentAt[i] = Stopwatch.GetTimestamp();
                var reply = await api.PostAsync($"{customer.BaseUrl}/api/flash-sales/{saleId}/orders", customer.Token, body,
                    idempotencyKeys ? $"{keyPrefix}-{i}" : null);
                status[i] = reply.Status;
                code[i] = reply.Code;
                ticks[i] = reply.Ticks;
                endedAt[i] = Stopwatch.GetTimestamp();
                if (reply.Status == 201) orderIds[i] = Json.Str(reply.Body, "id");
                else if (Classify(reply.Status, reply.Code) == Other) others.Add("buy", reply);
            }
        })).ToArray();

        await allReady.Task;
        Log.Info($"{workers} workers ready: go ({Inv.N(total)} attempts)");
        var start = Stopwatch.GetTimestamp();
        go.SetResult();
        using (var ticker = new Timer(_ =>
               {
                   var done = Math.Min(Volatile.Read(ref next) + 1, total);
                   Log.Info($"stampede {Inv.N(done)}/{Inv.N(total)} attempts sent, {Inv.F(Stopwatch.GetElapsedTime(start).TotalSeconds)} s");
               }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)))
        {
            await Task.WhenAll(tasks);
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Stampede(buyer, status, code, ticks, sentAt, endedAt, orderIds, seconds, start, workers, others);
    }

    private static int Classify(int status, string? code) => (status, code) switch
    {
        (201, _) => Created,
        (409, "sold_out") => SoldOut,
        (409, "limit_exceeded") => LimitExceeded,
        _ => Other,
    };

    private sealed record Check(
        long Orders, long ExpectedOrders, int MaxPerBuyerOwn, int BuyersOverLimitOwn, int BuyersCheckedApi, int ApiMismatches,
        int MaxPerBuyerApi, int BuyersOverLimitApi, long ApiOrdersOfWinners, string? ApiError, long? Remaining, string? SaleStatus,
        long? Available, long ExpectedAvailable, bool? Consistent, JsonNode? ConsistencyReport, List<string> Failures);

    private static async Task<Check> VerifyAsync(Api api, Setup setup, Customer[] customers, Stampede s, string saleId, string storeId,
        string productId, int quantity, int limit, int attemptsPerBuyer, int stock, bool verifyAll, int verifySample, int parallelism)
    {
        var failures = new List<string>();
        var perBuyer = new int[customers.Length];
        long orders = 0;
        for (var i = 0; i < s.Status.Length; i++)
        {
            if (s.Status[i] != 201) continue;
            perBuyer[s.Buyer[i]]++;
            orders++;
        }
        var expected = Math.Min(quantity, (long)customers.Length * Math.Min(attemptsPerBuyer, limit));
        if (orders != expected) failures.Add($"orders {orders} != expected {expected}");
        var maxOwn = perBuyer.Length == 0 ? 0 : perBuyer.Max();
        var overOwn = perBuyer.Count(n => n > limit);
        if (overOwn > 0) failures.Add($"{overOwn} buyers above the limit by our own count");

        // Every buyer who got an order, plus a sample of the others (or everyone): their own order list must agree.
        var winners = Enumerable.Range(0, customers.Length).Where(b => perBuyer[b] > 0).ToList();
        var losers = Enumerable.Range(0, customers.Length).Where(b => perBuyer[b] == 0).ToList();
        var toCheck = verifyAll ? [.. winners, .. losers] : winners.Concat(losers.OrderBy(_ => Random.Shared.Next()).Take(verifySample)).ToList();
        var apiCounts = new int[customers.Length];
        string? apiError = null;
        using (var progress = new Progress("checking buyers' orders", toCheck.Count))
        {
            await Parallel.ForEachAsync(toCheck, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (b, _) =>
            {
                var customer = customers[b];
                var reply = await api.GetAsync($"{customer.BaseUrl}/api/orders", customer.Token);
                if (reply.Status == 401)
                {
                    await customer.RenewAsync(api, customer.Token);
                    reply = await api.GetAsync($"{customer.BaseUrl}/api/orders", customer.Token);
                }
                if (!reply.IsSuccess || reply.Body is not JsonArray list)
                {
                    apiError ??= $"GET /api/orders of buyer {b}: {reply.Describe()}";
                    progress.Fail();
                    return;
                }
                apiCounts[b] = list.Count(o => Json.Get(o, "lines") is JsonArray lines && lines.Any(l => Json.Str(l, "productId") == productId)
                                               && Json.Str(o, "status") != "cancelled");
                progress.Increment();
            });
            progress.Finish();
        }
        if (apiError is not null) failures.Add(apiError);
        var mismatches = toCheck.Count(b => apiCounts[b] != perBuyer[b]);
        if (mismatches > 0) failures.Add($"{mismatches} buyers' order lists disagree with the answers they got");
        var maxApi = toCheck.Count == 0 ? 0 : toCheck.Max(b => apiCounts[b]);
        var overApi = toCheck.Count(b => apiCounts[b] > limit);
        if (overApi > 0) failures.Add($"{overApi} buyers above the limit by GET /api/orders");
        var apiOrders = winners.Sum(b => (long)apiCounts[b]);

        var saleNow = await setup.AdminAsync(HttpMethod.Get, $"/api/flash-sales/{saleId}");
        var remaining = Json.Long(saleNow.Body, "remaining");
        if (!saleNow.IsSuccess) failures.Add($"GET the sale: {saleNow.Describe()}");
        else if (remaining != quantity - orders) failures.Add($"sale remaining {remaining?.ToString(Inv.C) ?? "?"} != {quantity - orders}");

        var product = await setup.AdminAsync(HttpMethod.Get, $"/api/products/{productId}?storeId={storeId}");
        var available = Json.Long(product.Body, "available");
        var expectedAvailable = stock - orders;
        if (available != expectedAvailable) failures.Add($"available stock {available?.ToString(Inv.C) ?? "?"} != {expectedAvailable}");

        var consistency = await setup.ConsistencyAsync();
        var consistent = Json.Bool(consistency, "consistent");
        if (consistent != true) failures.Add($"stock ledger: {consistency?.ToJsonString()}");

        return new Check(orders, expected, maxOwn, overOwn, toCheck.Count, mismatches, maxApi, overApi, apiOrders, apiError, remaining,
            Json.Str(saleNow.Body, "status"), available, expectedAvailable, consistent, consistency, failures);
    }

    private static RunResult Report(Stampede s, Check c, string[] urls, int buyers, int quantity, int limit, int concurrency, int attemptsPerBuyer,
        bool idempotencyKeys, string saleId, string storeId, string productId, string? label)
    {
        var total = s.Status.Length;
        var byOutcome = new LatencyLog[4];
        for (var k = 0; k < 4; k++) byOutcome[k] = new LatencyLog();
        var all = new long[total];
        long lastCreatedAt = 0;
        for (var i = 0; i < total; i++)
        {
            var kind = Classify(s.Status[i], s.Code[i]);
            byOutcome[kind].Add(s.Ticks[i]);
            all[i] = s.Ticks[i];
            if (kind == Created) lastCreatedAt = Math.Max(lastCreatedAt, s.EndedAt[i]);
        }
        var counts = byOutcome.Select(l => l.Count).ToArray();
        var allLatency = Percentiles.Of(all);
        var createdLatency = LatencyLog.Merge([byOutcome[Created]]);
        var soldOutLatency = LatencyLog.Merge([byOutcome[SoldOut]]);
        var limitLatency = LatencyLog.Merge([byOutcome[LimitExceeded]]);
        var attemptsPerSecond = total / s.Seconds;
        var ordersPerSecond = counts[Created] / s.Seconds;
        var sellOutSeconds = lastCreatedAt == 0 ? 0 : (lastCreatedAt - s.StartTimestamp) / (double)Stopwatch.Frequency;
        // The sold-out path on its own: attempts sent after the last order was created, over the time from then to the end.
        var afterSellOut = lastCreatedAt == 0 ? 0 : s.SentAt.Count(t => t > lastCreatedAt);
        var afterSellOutSeconds = lastCreatedAt == 0 ? 0 : s.Seconds - sellOutSeconds;
        var soldOutPerSecond = afterSellOutSeconds > 0.5 ? afterSellOut / afterSellOutSeconds : 0;
        var passed = c.Failures.Count == 0;
        // How tightly the start signal released the first wave: when its last request left, and when the first answer came.
        var releaseSpreadMs = Inv.Ms(s.SentAt.Take(s.Workers).Max() - s.StartTimestamp);
        var firstAnswerMs = Inv.Ms(s.EndedAt.Min() - s.StartTimestamp);

        var summary = $"flashsale: {Inv.F(attemptsPerSecond)} attempts/s, {Inv.F(ordersPerSecond)} orders/s ({Inv.N(total)} attempts in {Inv.F(s.Seconds, 3)} s), " +
                      $"after sell-out {(soldOutPerSecond > 0 ? Inv.F(soldOutPerSecond) + " attempts/s" : "n/a")} | " +
                      $"201 {Inv.N(counts[Created])}, sold_out {Inv.N(counts[SoldOut])}, limit_exceeded {Inv.N(counts[LimitExceeded])}, other {Inv.N(counts[Other])} | " +
                      $"sold-out {soldOutLatency.Short()} | {(passed ? "CORRECT" : "WRONG: " + string.Join("; ", c.Failures))}";
        var details = new List<string>
        {
            $"  setup           {buyers} buyers x {attemptsPerBuyer} attempts, {concurrency} concurrent, {quantity} units, limit {limit}, {urls.Length} server(s){(idempotencyKeys ? ", Idempotency-Key on every attempt" : "")}",
            $"  all attempts    {allLatency.Long()}",
            $"  201 created     {createdLatency.Long()}",
            $"  409 sold_out    {soldOutLatency.Long()}",
            $"  409 limit       {limitLatency.Long()}",
            $"  release         first {s.Workers} attempts sent within {Inv.F(releaseSpreadMs, 2)} ms of the start signal; first answer after {Inv.F(firstAnswerMs, 2)} ms",
            $"  last 201 after  {Inv.F(sellOutSeconds, 3)} s from the start signal{(c.Remaining == 0 ? " (sold out)" : "")}",
            $"  after sell-out  {Inv.N(afterSellOut)} attempts in {Inv.F(afterSellOutSeconds, 3)} s{(soldOutPerSecond > 0 ? $" = {Inv.F(soldOutPerSecond)} attempts/s (the sold-out path alone; n/a under half a second)" : " (n/a: under half a second)")}",
        };
        if (counts[Other] > 0)
        {
            details.Add($"  other outcomes  {s.Others.Short()}");
            foreach (var (key, _, example) in s.Others.Sorted().Where(e => e.Example is not null).Take(5))
                details.Add($"    e.g. {key}: {example}");
        }
        details.Add($"  correctness     orders {c.Orders} {(c.Orders == c.ExpectedOrders ? "==" : "!=")} expected {c.ExpectedOrders}; " +
                    $"max per buyer {c.MaxPerBuyerOwn} (own) / {c.MaxPerBuyerApi} (GET /api/orders of {c.BuyersCheckedApi} buyers, {c.ApiMismatches} disagree) <= {limit}; " +
                    $"remaining {c.Remaining?.ToString(Inv.C) ?? "?"} ({c.SaleStatus}); available {c.Available?.ToString(Inv.C) ?? "?"} (expected {c.ExpectedAvailable}); " +
                    $"ledger {(c.Consistent == true ? "consistent" : "NOT consistent")} => {(passed ? "CORRECT" : "WRONG")}");
        foreach (var failure in c.Failures) details.Add($"    failed: {failure}");

        var json = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["urls"] = Json.Array(urls, u => u), ["buyers"] = buyers, ["quantity"] = quantity, ["perCustomerLimit"] = limit,
                ["concurrency"] = concurrency, ["attemptsPerBuyer"] = attemptsPerBuyer, ["idempotencyKeys"] = idempotencyKeys,
                ["saleId"] = saleId, ["storeId"] = storeId, ["productId"] = productId, ["label"] = label,
            },
            ["figures"] = new JsonObject
            {
                ["attempts"] = total,
                ["stampedeSeconds"] = Math.Round(s.Seconds, 4),
                ["attemptsPerSecond"] = Math.Round(attemptsPerSecond, 2),
                ["soldOutPhaseAttemptsPerSecond"] = Math.Round(soldOutPerSecond, 2), ["soldOutPhaseAttempts"] = afterSellOut, ["sellOutSeconds"] = Math.Round(sellOutSeconds, 3),
                ["ordersPerSecond"] = Math.Round(ordersPerSecond, 2),
                ["releaseSpreadMs"] = Math.Round(releaseSpreadMs, 3),
                ["firstAnswerAfterMs"] = Math.Round(firstAnswerMs, 3),
                ["lastCreatedAfterSeconds"] = Math.Round(sellOutSeconds, 4),
                ["outcomes"] = new JsonObject
                {
                    ["created"] = counts[Created], ["soldOut"] = counts[SoldOut], ["limitExceeded"] = counts[LimitExceeded], ["other"] = counts[Other],
                },
                ["latency"] = new JsonObject
                {
                    ["all"] = allLatency.ToJson(), ["created"] = createdLatency.ToJson(), ["soldOut"] = soldOutLatency.ToJson(), ["limitExceeded"] = limitLatency.ToJson(),
                },
            },
            ["correctness"] = new JsonObject
            {
                ["passed"] = passed,
                ["orders"] = c.Orders,
                ["expectedOrders"] = c.ExpectedOrders,
                ["maxPerBuyerOwn"] = c.MaxPerBuyerOwn,
                ["buyersOverLimitOwn"] = c.BuyersOverLimitOwn,
                ["buyersCheckedViaApi"] = c.BuyersCheckedApi,
                ["apiMismatches"] = c.ApiMismatches,
                ["maxPerBuyerApi"] = c.MaxPerBuyerApi,
                ["buyersOverLimitApi"] = c.BuyersOverLimitApi,
                ["apiOrdersOfWinners"] = c.ApiOrdersOfWinners,
                ["remaining"] = c.Remaining,
                ["saleStatus"] = c.SaleStatus,
                ["available"] = c.Available,
                ["expectedAvailable"] = c.ExpectedAvailable,
                ["inventoryConsistent"] = c.Consistent,
                ["failures"] = Json.Array(c.Failures, f => f),
            },
            ["errors"] = s.Others.ToJson(),
        };
        return new RunResult("flashsale", summary, details, json, passed);
    }
}
