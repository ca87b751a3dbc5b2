using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>
/// notifications: for each gateway, open real payments (order, payment start, the simulator playing the payer with
/// <c>?deliver=false</c>), then post every signed notification <c>--copies</c> times, shuffled and concurrently, to
/// <c>/api/payments/notify/{gateway}</c>. Each copy is verified (signature, serial or certificate, freshness, merchant,
/// amount) and audited; exactly one copy per payment may apply. Afterwards every payment is checked: paid once, one
/// "paid" in the order's timeline, one balanced ledger entry.
/// </summary>
internal static class NotificationBench
{
    public static readonly string[] Options =
    [
        "url", "gateways", "payments", "copies", "warmup-payments", "concurrency", "prepare-parallelism", "customers",
        "admin-email", "admin-password", "register-parallelism", "timeout", "json", "label",
    ];

    private static readonly string[] AllGateways = ["wechatpay", "alipay", "unionpay"];

    public static async Task<RunResult> RunAsync(Args args)
    {
        args.EnsureOnly(Options);
        var url = Program.TrimUrl(args.Get("url", Program.DefaultUrl));
        var gateways = args.Has("gateways") ? args.GetList("gateways").Select(g => g.ToLowerInvariant()).ToArray() : AllGateways;
        if (gateways.FirstOrDefault(g => !AllGateways.Contains(g)) is { } unknown)
            throw new UsageException($"Unknown gateway '{unknown}': use {string.Join(", ", AllGateways)}.");
        var payments = args.GetInt("payments", 1000, 1, 100_000);
        var copies = args.GetInt("copies", 2, 1, 100);
        var warmupPayments = args.GetInt("warmup-payments", 200, 0, 100_000);
        var concurrency = args.GetInt("concurrency", 32, 1, 10_000);
        var prepareParallelism = args.GetInt("prepare-parallelism", 16, 1, 1000);
        var customerCount = args.GetInt("customers", 16, 1, 100_000);
        var timeout = args.GetSeconds("timeout", 60, 1, 3600);

        using var api = new Api(Math.Max(concurrency, prepareParallelism) + 16, TimeSpan.FromSeconds(timeout));
        var runId = Setup.NewRunId();
        Log.Info($"notification bench {runId} against {url}: {string.Join(", ", gateways)}; {payments} payments × {copies} copies each " +
                 $"(+{warmupPayments} warm-up payments), {concurrency} concurrent posts");

        var setup = await Setup.SignInAdminAsync(api, url, args.Get("admin-email", Program.AdminEmail), args.Get("admin-password", Program.AdminPassword), runId);
        var storeId = await setup.CreateStoreAsync();
        var productId = await setup.CreateProductAsync(1, 2590);
        await setup.SetStockAsync(storeId, productId, 1_000_000);
        var customers = await setup.RegisterCustomersAsync(customerCount, [url], args.GetInt("register-parallelism", 16, 1, 1000), "customers");
        var world = new PaymentWorld(api, setup, url, storeId, productId, customers);

        var results = new List<GatewayRun>();
        foreach (var gateway in gateways)
        {
            // Notifications carry a timestamp checked against a 5-minute window: prepare each gateway's just before posting them.
            await setup.EnsureFreshTokensAsync(customers, TimeSpan.FromMinutes(10), prepareParallelism);
            var prepared = await world.PrepareAsync(gateway, warmupPayments + payments, prepareParallelism);
            if (warmupPayments > 0)
            {
                var warm = await DeliverAsync(api, url, gateway, prepared[..warmupPayments], copies, concurrency, "warm-up");
                Log.Info($"{gateway} warm-up: {Inv.F(warm.PerSecond)} notifications/s (not counted)");
            }
            var measured = prepared[warmupPayments..];
            var phase = await DeliverAsync(api, url, gateway, measured, copies, concurrency, "posting");
            var check = await world.VerifyAsync(gateway, measured, prepareParallelism);
            results.Add(new GatewayRun(gateway, phase, check));
            Log.Info($"{gateway}: {Inv.F(phase.PerSecond)} notifications/s, {check.Describe()}");
        }
        return Report(results, url, payments, copies, warmupPayments, concurrency, args.Get("label"));
    }

    internal sealed record Delivery(Prepared Payment, int Copy);

    internal sealed record DeliveryPhase(int Posted, double Seconds, Percentiles Latency, IReadOnlyDictionary<string, long> Outcomes)
    {
        public double PerSecond => Posted / Math.Max(Seconds, 1e-9);

        public long Count(string outcome) => Outcomes.Where(o => o.Key.EndsWith(" " + outcome, StringComparison.Ordinal)).Sum(o => o.Value);
    }

    private sealed record GatewayRun(string Gateway, DeliveryPhase Phase, Verification Check);

    /// <summary>Posts every notification <paramref name="copies"/> times in a shuffled order, so copies of one payment race each other.</summary>
    private static async Task<DeliveryPhase> DeliverAsync(Api api, string url, string gateway, IReadOnlyList<Prepared> payments, int copies,
        int concurrency, string label)
    {
        var deliveries = payments.SelectMany(p => Enumerable.Range(0, copies).Select(c => new Delivery(p, c))).ToArray();
        new Random(20261128).Shuffle(deliveries);
        var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var logs = Enumerable.Range(0, concurrency).Select(_ => new LatencyLog()).ToArray();
        var next = -1;
        var notifyUrl = $"{url}/api/payments/notify/{gateway}";

        using var progress = new Progress($"{gateway} {label}", deliveries.Length);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(logs.Select(log => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < deliveries.Length; i = Interlocked.Increment(ref next))
            {
                var p = deliveries[i].Payment;
                var (status, outcome, ticks, error) = await api.PostRawAsync(notifyUrl, p.Headers, p.Body, p.ContentType, "O2o-Notification-Outcome");
                log.Add(ticks);
                outcomes.AddOrUpdate($"{status.ToString(Inv.C)} {outcome ?? error ?? "none"}", 1, (_, n) => n + 1);
                if (status is >= 200 and < 300) progress.Increment();
                else progress.Fail();
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        progress.Finish();
        return new DeliveryPhase(deliveries.Length, seconds, LatencyLog.Merge(logs), outcomes);
    }

    private static RunResult Report(List<GatewayRun> runs, string url, int payments, int copies, int warmup, int concurrency, string? label)
    {
        var passed = runs.All(r => r.Check.Passed && r.Phase.Count("accepted") == payments && r.Phase.Count("duplicate") == (long)payments * (copies - 1));
        var summary = "notifications: " + string.Join(" | ", runs.Select(r => $"{r.Gateway} {Inv.F(r.Phase.PerSecond)}/s")) +
                      $" ({Inv.N(payments)} payments × {copies} copies, {concurrency} concurrent) | {(passed ? "each paid once" : "INCORRECT")}";
        var details = new List<string>();
        var json = new JsonObject();
        foreach (var r in runs)
        {
            details.Add($"  {r.Gateway,-10} {Inv.N(r.Phase.Posted)} posted in {Inv.F(r.Phase.Seconds, 2)} s = {Inv.F(r.Phase.PerSecond)}/s | {r.Phase.Latency.Long()}");
            details.Add($"  {"",-10} outcomes {string.Join(", ", r.Phase.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} x{Inv.N(o.Value)}"))}");
            details.Add($"  {"",-10} {r.Check.Describe()}");
            json[r.Gateway] = new JsonObject
            {
                ["posted"] = r.Phase.Posted,
                ["seconds"] = Math.Round(r.Phase.Seconds, 3),
                ["notificationsPerSecond"] = Math.Round(r.Phase.PerSecond, 1),
                ["paymentsSettledPerSecond"] = Math.Round(payments / Math.Max(r.Phase.Seconds, 1e-9), 1),
                ["latency"] = r.Phase.Latency.ToJson(),
                ["outcomes"] = new JsonObject(r.Phase.Outcomes.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))),
                ["verification"] = r.Check.ToJson(),
            };
        }
        return new RunResult("notifications", summary, details, new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["url"] = url, ["payments"] = payments, ["copies"] = copies, ["warmupPayments"] = warmup, ["concurrency"] = concurrency, ["label"] = label,
            },
            ["figures"] = json,
        }, passed);
    }
}
