using System.Diagnostics;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>
/// checkout: N workers each loop create order (2 lines, pickup, Idempotency-Key) → start sandbox payment → sandbox
/// succeed, for a fixed time. A paid order is one where all three calls succeeded.
/// </summary>
internal static class CheckoutBench
{
    /// <summary>
    /// A fresh server runs unoptimised code until the runtime has recompiled its hot paths, which on a busy 2-core machine
    /// takes tens of seconds; figures before that describe the JIT, not the server.
    /// </summary>
    private const double DefaultWarmupSeconds = 30;

    public static readonly string[] Options =
        ["url", "concurrency", "duration", "customers", "warmup", "admin-email", "admin-password", "register-parallelism", "timeout", "json", "label",
         "promotions"];

    private static readonly string[] Calls = ["order", "payment", "succeed"];

    public static async Task<RunResult> RunAsync(Args args)
    {
        args.EnsureOnly(Options);
        var url = Program.TrimUrl(args.Get("url", Program.DefaultUrl));
        var concurrency = args.GetInt("concurrency", 8, 1, 10_000);
        var duration = args.GetSeconds("duration", 10, 1);
        var customerCount = args.GetInt("customers", concurrency, 1, 1_000_000);
        var warmup = args.GetSeconds("warmup", DefaultWarmupSeconds);
        var registerParallelism = args.GetInt("register-parallelism", 16, 1, 1000);
        var timeout = args.GetSeconds("timeout", 60, 1, 3600);

        using var api = new Api(concurrency + 16, TimeSpan.FromSeconds(timeout));
        var runId = Setup.NewRunId();
        Log.Info($"checkout bench {runId} against {url}: {concurrency} workers, {Inv.F(duration)} s (+{Inv.F(warmup)} s warm-up), {customerCount} customers");

        var setup = await Setup.SignInAdminAsync(api, url, args.Get("admin-email", Program.AdminEmail), args.Get("admin-password", Program.AdminPassword), runId);
        var storeId = await setup.CreateStoreAsync();
        var products = new[] { await setup.CreateProductAsync(1, 1290), await setup.CreateProductAsync(2, 850) };
        const int stock = 1_000_000;
        foreach (var product in products) await setup.SetStockAsync(storeId, product, stock);
        var promotions = args.GetInt("promotions", 0, 0, 500);
        for (var k = 0; k < promotions; k++) await setup.CreatePromotionAsync(storeId, products, k);
        if (promotions > 0) Log.Info($"{promotions} promotions running at the store (checkout prices every order through them)");
        Log.Info($"store {storeId}, products {string.Join(", ", products)} with {Inv.N(stock)} each");
        var customers = await setup.RegisterCustomersAsync(customerCount, [url], registerParallelism, "customers");

        // Tokens live 15 minutes by default: renew those that would run out during the run (a 401 renews too, counted as an error).
        await setup.EnsureFreshTokensAsync(customers, TimeSpan.FromSeconds(Math.Min(warmup + duration + 60, 600)), registerParallelism);
        var plan = new Plan(api, url, storeId, products, customers);
        if (warmup > 0)
        {
            Log.Info($"warming up for {Inv.F(warmup)} s");
            var discarded = await RunPhaseAsync(plan, concurrency, TimeSpan.FromSeconds(warmup), "warm-up");
            Log.Info($"warm-up: {Inv.N(discarded.Paid)} paid orders, {Inv.N(discarded.Errors.Total)} errors (not counted)");
        }
        Log.Info($"running {concurrency} workers for {Inv.F(duration)} s");
        var phase = await RunPhaseAsync(plan, concurrency, TimeSpan.FromSeconds(duration), "running");
        var consistency = await setup.ConsistencyAsync();

        return Report(phase, url, concurrency, duration, warmup, customerCount, storeId, products, consistency, args.Get("label"));
    }

    private sealed record Plan(Api Api, string Url, string StoreId, string[] Products, Customer[] Customers);

    private sealed class Worker
    {
        public readonly LatencyLog Flow = new();
        public readonly LatencyLog[] Call = [new(), new(), new()];
        public long Attempts;
        /// <summary>What promotions took off the paid orders, so a run with promotions shows they priced every order.</summary>
        public long DiscountFen, Discounted;
    }

    private sealed record Phase(Worker[] Workers, ErrorCounts Errors, double Seconds, long Paid, long Attempts)
    {
        public long Discounted => Workers.Sum(w => w.Discounted);
        public double MeanDiscountFen => Paid == 0 ? 0 : (double)Workers.Sum(w => w.DiscountFen) / Paid;
    }

    private static async Task<Phase> RunPhaseAsync(Plan plan, int concurrency, TimeSpan length, string label)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker()).ToArray();
        var errors = new ErrorCounts();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var keyPrefix = $"bench-{Guid.NewGuid():N}";

        using var ticker = new Timer(_ =>
        {
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var paid = workers.Sum(w => (long)w.Flow.Count);
            Log.Info($"{label} {Inv.F(Math.Min(seconds, length.TotalSeconds), 0)}/{Inv.F(length.TotalSeconds, 0)} s: {Inv.N(paid)} paid ({Inv.F(paid / Math.Max(seconds, 0.001))}/s), {Inv.N(errors.Total)} errors");
        }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        var tasks = workers.Select((w, i) => Task.Run(() => WorkAsync(plan, w, i, concurrency, deadline, keyPrefix, errors))).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Phase(workers, errors, elapsed, workers.Sum(w => (long)w.Flow.Count), workers.Sum(w => w.Attempts));
    }

    private static async Task WorkAsync(Plan plan, Worker worker, int index, int concurrency, long deadline, string keyPrefix, ErrorCounts errors)
    {
        var api = plan.Api;
        var orderBody = new JsonObject
        {
            ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["storeId"] = plan.StoreId },
            ["lines"] = new JsonArray(plan.Products.Select(p => (JsonNode)new JsonObject { ["productId"] = p, ["quantity"] = 1 }).ToArray()),
        };
        var payBody = new JsonObject { ["method"] = "sandbox" };
        for (long round = 0; Stopwatch.GetTimestamp() < deadline; round++)
        {
            worker.Attempts++;
            // worker i uses customers i, i+N, i+2N, ... so K > N customers all take turns and K < N share
            var customer = plan.Customers[(int)((index + round * concurrency) % plan.Customers.Length)];
            var token = customer.Token;
            var started = Stopwatch.GetTimestamp();

            var order = await api.PostAsync($"{plan.Url}/api/orders", token, orderBody, $"{keyPrefix}-{index}-{round}");
            if (order.Status != 201 || Json.Str(order.Body, "id") is not { } orderId)
            {
                await FailedAsync(0, order);
                continue;
            }
            worker.Call[0].Add(order.Ticks);

            var payment = await api.PostAsync($"{plan.Url}/api/orders/{orderId}/payments", token, payBody);
            if (payment.Status != 201 || Json.Str(payment.Body, "paymentId") is not { } paymentId)
            {
                await FailedAsync(1, payment);
                continue;
            }
            worker.Call[1].Add(payment.Ticks);

            var succeed = await api.PostAsync($"{plan.Url}/api/sandbox/payments/{paymentId}/succeed", token, null);
            if (succeed.Status is not (200 or 202))
            {
                await FailedAsync(2, succeed);
                continue;
            }
            worker.Call[2].Add(succeed.Ticks);
            worker.Flow.Add(Stopwatch.GetTimestamp() - started);
            if (Json.Long(order.Body, "discountFen") is > 0 and var discount)
            {
                worker.DiscountFen += discount;
                worker.Discounted++;
            }

            async Task FailedAsync(int call, Reply reply)
            {
                errors.Add(Calls[call], reply);
                if (reply.Status == 401) await customer.RenewAsync(api, token);
                else if (reply.Status == 0) await Task.Delay(50); // no answer: do not spin on a dead server
            }
        }
    }

    private static RunResult Report(Phase phase, string url, int concurrency, double duration, double warmup, int customerCount,
        string storeId, string[] products, JsonNode? consistency, string? label)
    {
        var flow = LatencyLog.Merge(phase.Workers.Select(w => w.Flow));
        var calls = Enumerable.Range(0, 3).Select(c => LatencyLog.Merge(phase.Workers.Select(w => w.Call[c]))).ToArray();
        var paidPerSecond = phase.Paid / phase.Seconds;
        var consistent = Json.Bool(consistency, "consistent");

        var summary = $"checkout: {Inv.F(paidPerSecond)} paid orders/s ({Inv.N(phase.Paid)} in {Inv.F(phase.Seconds)} s, {concurrency} workers, {customerCount} customers) | " +
                      $"flow {flow.Short()} | errors {Inv.N(phase.Errors.Total)}";
        var details = new List<string>
        {
            $"  flow (3 calls)  {flow.Long()}",
        };
        for (var c = 0; c < 3; c++)
            details.Add($"  {CallName(c),-15} {calls[c].Long()}");
        details.Add($"  attempts        {Inv.N(phase.Attempts)} flows started, {Inv.N(phase.Paid)} paid, {Inv.N(phase.Errors.Total)} failed");
        details.Add($"  promotions      {Inv.N(phase.Discounted)} of {Inv.N(phase.Paid)} paid orders discounted, {Inv.F(phase.MeanDiscountFen / 100, 2)} yuan off on average");
        details.Add($"  errors          {phase.Errors.Short()}");
        foreach (var (key, _, example) in phase.Errors.Sorted().Where(e => e.Example is not null).Take(5))
            details.Add($"    e.g. {key}: {example}");
        details.Add($"  stock ledger    {(consistent switch { true => "consistent", false => "INCONSISTENT " + consistency?.ToJsonString(), null => "not checked: " + consistency?.ToJsonString() })}");

        var json = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["url"] = url, ["concurrency"] = concurrency, ["durationSeconds"] = duration, ["warmupSeconds"] = warmup,
                ["customers"] = customerCount, ["storeId"] = storeId, ["productIds"] = Json.Array(products, p => p), ["label"] = label,
            },
            ["figures"] = new JsonObject
            {
                ["elapsedSeconds"] = Math.Round(phase.Seconds, 3),
                ["flowsStarted"] = phase.Attempts,
                ["paidOrders"] = phase.Paid,
                ["paidOrdersPerSecond"] = Math.Round(paidPerSecond, 2),
                ["errors"] = phase.Errors.Total,
                ["discountedOrders"] = phase.Discounted,
                ["meanDiscountFen"] = Math.Round(phase.MeanDiscountFen, 1),
                ["latency"] = new JsonObject
                {
                    ["flow"] = flow.ToJson(),
                    ["createOrder"] = calls[0].ToJson(),
                    ["startPayment"] = calls[1].ToJson(),
                    ["sandboxSucceed"] = calls[2].ToJson(),
                },
                ["inventoryConsistent"] = consistent,
            },
            ["errors"] = phase.Errors.ToJson(),
        };
        return new RunResult("checkout", summary, details, json, Passed: consistent != false);
    }

    private static string CallName(int call) => call switch
    {
        0 => "create order",
        1 => "start payment",
        _ => "sandbox succeed",
    };
}
