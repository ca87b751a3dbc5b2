using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using O2o.Server.Modules.Promotions.Pricing;

namespace O2o.Bench;

/// <summary>
/// `o2o-bench pricing`: the promotion engine on a 20-line cart against 50 running promotions and 5 coupons (issue 8's target:
/// under 1 ms per cart). BenchmarkDotNet in process, so no project is generated and built at run time.
/// </summary>
internal static class PricingBench
{
    public const double TargetMicroseconds = 1000;

    public static RunResult Run(Args args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(args.Has("quick") ? 5 : 15))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<PricingBenchmarks>(config);
        var report = summary.Reports.FirstOrDefault(r => r.ResultStatistics is not null)
            ?? throw new InvalidOperationException("The pricing benchmark produced no result.");
        var stats = report.ResultStatistics!;
        var (mean, p95) = (stats.Mean / 1000, stats.Percentiles.P95 / 1000);
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        var (lines, promotions, coupons) = PricingScenario.Build(PricingBenchmarks.Seed);
        var priced = PricingBenchmarks.PriceOnce(lines, promotions, coupons);
        var passed = mean < TargetMicroseconds;
        var summaryLine = string.Create(CultureInfo.InvariantCulture,
            $"pricing: {lines.Length} lines x {promotions.Length} promotions x {coupons.Length} coupons: mean {mean:0.0} us, p95 {p95:0.0} us, {allocated / 1024.0:0.0} KiB allocated per cart (target < {TargetMicroseconds:0} us) {(passed ? "PASS" : "FAIL")}");
        var details = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"  cart {priced.SubtotalFen} fen, discount {priced.DiscountFen} fen, total {priced.TotalFen} fen, {priced.Applied.Count} promotions and coupons applied, {priced.Gifts.Count} gifts"),
        };
        var json = new JsonObject
        {
            ["lines"] = lines.Length, ["promotions"] = promotions.Length, ["coupons"] = coupons.Length,
            ["meanMicroseconds"] = Math.Round(mean, 2), ["p95Microseconds"] = Math.Round(p95, 2), ["allocatedBytes"] = allocated,
            ["targetMicroseconds"] = TargetMicroseconds, ["discountFen"] = priced.DiscountFen,
        };
        return new RunResult("pricing", summaryLine, details, json, passed);
    }
}

[MemoryDiagnoser]
public class PricingBenchmarks
{
    public const int Seed = 7;
    private PricingLine[] _lines = [];
    private PricingRule[] _promotions = [];
    private PricingRule[] _coupons = [];

    [GlobalSetup]
    public void Setup() => (_lines, _promotions, _coupons) = PricingScenario.Build(Seed);

    [Benchmark(Description = "20 lines x 50 promotions x 5 coupons")]
    public long PriceCart() => PriceOnce(_lines, _promotions, _coupons).TotalFen;

    internal static PricingResult PriceOnce(PricingLine[] lines, PricingRule[] promotions, PricingRule[] coupons) =>
        PriceEngine.Price(new PricingInput(lines, SalesChannels.Online, PricingScenario.Store, PricingScenario.Member, PricingScenario.At, 800, promotions, coupons));
}
