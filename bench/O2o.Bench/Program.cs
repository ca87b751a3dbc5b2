using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>The outcome of one verb: one summary line, indented details, and the figures for --json.</summary>
internal sealed record RunResult(string Verb, string Summary, List<string> Details, JsonObject Json, bool Passed);

internal static class Program
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string AdminEmail = "admin@o2o.demo";
    public const string AdminPassword = "Admin123!";

    private const string Usage = """
        o2o-bench: load generator for the O2O Commerce HTTP API

        usage:
          o2o-bench checkout  --concurrency N --duration SECONDS [--customers K] [--warmup SECONDS] [--promotions P]
          o2o-bench flashsale --buyers N --quantity Q --limit L [--concurrency C] [--attempts-per-buyer A]
                              [--urls URL1,URL2,...] [--verify-sample S | --verify-all] [--idempotency-keys]
          o2o-bench notifications [--gateways wechatpay,alipay,unionpay] [--payments N] [--copies K]
                              [--warmup-payments W] [--concurrency C] [--prepare-parallelism P]
          o2o-bench pdptw     [--seconds 60] [--instances lc101,lr1*] [--parallel P] [--solutions DIR] [--data DIR]
          o2o-bench vrptw     [--seconds 60] [--instances c101,r2*] [--parallel P] [--solutions DIR] [--data DIR]
          o2o-bench dispatch-sim [--orders 1000] [--riders 40] [--seed 1] [--round-seconds 60] [--limit-ms 200] [--promise-minutes 45]
          o2o-bench pricing   [--quick]     (the promotion engine: 20 lines x 50 promotions x 5 coupons, BenchmarkDotNet; run -c Release)
          o2o-bench report    --in a.json [b.json ...]

        common options:
          --url URL                  server base URL (default http://localhost:5080)
          --admin-email, --admin-password   platform admin (default admin@o2o.demo / Admin123!)
          --register-parallelism P   concurrent registrations (default 16)
          --timeout SECONDS          per-request timeout (default 60)
          --json FILE                also write the figures as JSON
          --label TEXT               free text stored with the figures (e.g. "server Release, SQLite")

        The summary line goes to stdout, progress to stderr. Exit code 0 = done (and correct),
        1 = a correctness check failed, 2 = bad command line, 3 = setup failed.
        """;

    public static async Task<int> Main(string[] argv)
    {
        try
        {
            var args = Args.Parse(argv);
            if (args.Verb is "" or "help" || args.Has("help") || args.Has("h"))
            {
                Console.WriteLine(Usage);
                return args.Verb is "" && !args.Has("help") ? 2 : 0;
            }
            ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
            ThreadPool.SetMinThreads(Math.Max(workerThreads, 32), Math.Max(ioThreads, 32));

            var startedAt = DateTimeOffset.Now;
            var loadAtStart = LoadAverage();
            if (args.Verb != "report" && loadAtStart is { } load && load > Environment.ProcessorCount)
                Log.Info($"warning: this machine is busy (load average {Inv.F(load, 2)} on {Environment.ProcessorCount} cpus): figures will be low and noisy");
            RunResult result = args.Verb switch
            {
                "checkout" => await CheckoutBench.RunAsync(args),
                "flashsale" or "flash-sale" => await FlashSaleBench.RunAsync(args),
                "notifications" => await NotificationBench.RunAsync(args),
                "pdptw" => RoutingBench.Run(args, O2o.Routing.RoutingKind.Pdptw),
                "vrptw" => RoutingBench.Run(args, O2o.Routing.RoutingKind.Vrptw),
                "dispatch-sim" => await DispatchSimulation.RunAsync(args),
                "pricing" => PricingBench.Run(args),
                "report" => ReportVerb.Run(args),
                _ => throw new UsageException($"Unknown verb '{args.Verb}'."),
            };
            if (result.Verb == "report") return 0;

            Console.WriteLine(result.Summary);
            foreach (var line in result.Details) Console.WriteLine(line);
            if (args.Get("json") is { } file) WriteJson(file, result, startedAt, argv, loadAtStart);
            return result.Passed ? 0 : 1;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (SetupException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"setup failed: {e.Message}");
            return 3;
        }
    }

    public static string TrimUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"'{url}' is not an http(s) URL.");
        return url.TrimEnd('/');
    }

    /// <summary>The 1-minute load average on Linux (null elsewhere): a busy machine explains odd figures.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is not null && double.TryParse(text.Split(' ')[0], System.Globalization.NumberStyles.Float, Inv.C, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void WriteJson(string file, RunResult result, DateTimeOffset startedAt, string[] argv, double? loadAtStart)
    {
        var root = new JsonObject
        {
            ["verb"] = result.Verb,
            ["startedAt"] = startedAt.ToString("O", Inv.C),
            ["finishedAt"] = DateTimeOffset.Now.ToString("O", Inv.C),
            ["command"] = "o2o-bench " + string.Join(" ", argv.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)),
            ["machine"] = new JsonObject
            {
                ["host"] = Environment.MachineName,
                ["os"] = RuntimeInformation.OSDescription,
                ["cpus"] = Environment.ProcessorCount,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
                ["loadAverageAtStart"] = loadAtStart,
                ["loadAverageAtEnd"] = LoadAverage(),
#if DEBUG
                ["benchBuild"] = "Debug",
#else
                ["benchBuild"] = "Release",
#endif
            },
            ["passed"] = result.Passed,
            ["summary"] = result.Summary,
            ["details"] = Json.Array(result.Details, d => d),
        };
        foreach (var (key, value) in result.Json.ToList())
        {
            result.Json.Remove(key);
            root[key] = value;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(file, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        Log.Info($"figures written to {file}");
    }
}

/// <summary>report: prints the runs saved with --json, one block each, then a comparison table.</summary>
internal static class ReportVerb
{
    public static RunResult Run(Args args)
    {
        args.EnsureOnly("in");
        var files = args.GetList("in");
        var rows = new List<(string File, JsonNode Root)>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UsageException($"No file {file}.");
            JsonNode? root;
            try { root = JsonNode.Parse(File.ReadAllText(file)); }
            catch (JsonException e) { throw new UsageException($"{file} is not JSON: {e.Message}"); }
            if (root is null || Json.Str(root, "verb") is null) throw new UsageException($"{file} is not a file written by o2o-bench --json.");
            rows.Add((file, root));
        }

        foreach (var (file, root) in rows)
        {
            Console.WriteLine($"== {file}: {Json.Str(root, "verb")} at {Json.Str(root, "startedAt")} on {Json.Str(root, "machine", "host")} " +
                              $"({Json.Long(root, "machine", "cpus")} cpus, load {Num(root, "machine", "loadAverageAtStart")}, bench {Json.Str(root, "machine", "benchBuild")})" +
                              (Json.Str(root, "config", "label") is { } label ? $" [{label}]" : ""));
            Console.WriteLine($"   {Json.Str(root, "command")}");
            Console.WriteLine(Json.Str(root, "summary"));
            if (Json.Get(root, "details") is JsonArray details)
                foreach (var line in details) Console.WriteLine(line?.GetValue<string>());
            Console.WriteLine();
        }

        var checkouts = rows.Where(r => Json.Str(r.Root, "verb") == "checkout").ToList();
        if (checkouts.Count > 1)
        {
            Console.WriteLine($"{"checkout",-40} {"workers",8} {"paid/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
            foreach (var (file, root) in checkouts)
                Console.WriteLine($"{Path.GetFileName(file),-40} {Json.Long(root, "config", "concurrency"),8} {Num(root, "figures", "paidOrdersPerSecond"),9} " +
                                  $"{Num(root, "figures", "latency", "flow", "p50Ms"),8} {Num(root, "figures", "latency", "flow", "p95Ms"),8} " +
                                  $"{Num(root, "figures", "latency", "flow", "p99Ms"),8} {Json.Long(root, "figures", "errors"),7}");
            Console.WriteLine();
        }
        var sales = rows.Where(r => Json.Str(r.Root, "verb") == "flashsale").ToList();
        if (sales.Count > 1)
        {
            Console.WriteLine($"{"flashsale",-40} {"buyers",8} {"attempts/s",11} {"orders",7} {"sold-out p99",13} {"correct",8}");
            foreach (var (file, root) in sales)
                Console.WriteLine($"{Path.GetFileName(file),-40} {Json.Long(root, "config", "buyers"),8} {Num(root, "figures", "attemptsPerSecond"),11} " +
                                  $"{Json.Long(root, "figures", "outcomes", "created"),7} {Num(root, "figures", "latency", "soldOut", "p99Ms"),13} " +
                                  $"{Json.Bool(root, "correctness", "passed"),8}");
        }
        return new RunResult("report", "", [], [], true);
    }

    private static string Num(JsonNode root, params string[] path) =>
        Json.Get(root, path) is JsonValue v && v.TryGetValue<double>(out var d) ? Inv.F(d) : "-";
}
