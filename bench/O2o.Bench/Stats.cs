using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>
/// Latencies of one worker as raw Stopwatch ticks in a growing array: no locks while the load runs,
/// merged and sorted once at the end so the percentiles are exact.
/// </summary>
internal sealed class LatencyLog
{
    private long[] _ticks = new long[1024];

    public int Count { get; private set; }

    public void Add(long ticks)
    {
        if (Count == _ticks.Length) Array.Resize(ref _ticks, _ticks.Length * 2);
        _ticks[Count++] = ticks;
    }

    public ReadOnlySpan<long> Values => _ticks.AsSpan(0, Count);

    public static Percentiles Merge(IEnumerable<LatencyLog> logs)
    {
        var all = logs.ToList();
        var merged = new long[all.Sum(l => l.Count)];
        var at = 0;
        foreach (var log in all)
        {
            log.Values.CopyTo(merged.AsSpan(at));
            at += log.Count;
        }
        return Percentiles.Of(merged);
    }
}

/// <summary>Exact percentiles (nearest rank) of a set of latencies, in milliseconds.</summary>
internal sealed record Percentiles(int Count, double MinMs, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Sorts <paramref name="ticks"/> in place.</summary>
    public static Percentiles Of(long[] ticks)
    {
        if (ticks.Length == 0) return Empty;
        Array.Sort(ticks);
        double sum = 0;
        foreach (var t in ticks) sum += t;
        return new Percentiles(ticks.Length, Inv.Ms(ticks[0]), Inv.Ms((long)(sum / ticks.Length)),
            Inv.Ms(Rank(ticks, 50)), Inv.Ms(Rank(ticks, 95)), Inv.Ms(Rank(ticks, 99)), Inv.Ms(ticks[^1]));
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    private static long Rank(long[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Short() => Count == 0
        ? "n=0"
        : $"p50 {Inv.F(P50Ms)} p95 {Inv.F(P95Ms)} p99 {Inv.F(P99Ms)} max {Inv.F(MaxMs)} ms";

    public string Long() => Count == 0
        ? "n=0"
        : $"n={Inv.N(Count)} p50 {Inv.F(P50Ms, 2)} p95 {Inv.F(P95Ms, 2)} p99 {Inv.F(P99Ms, 2)} max {Inv.F(MaxMs, 2)} mean {Inv.F(MeanMs, 2)} min {Inv.F(MinMs, 2)} ms";

    public JsonObject ToJson() => new()
    {
        ["count"] = Count,
        ["minMs"] = Math.Round(MinMs, 3),
        ["meanMs"] = Math.Round(MeanMs, 3),
        ["p50Ms"] = Math.Round(P50Ms, 3),
        ["p95Ms"] = Math.Round(P95Ms, 3),
        ["p99Ms"] = Math.Round(P99Ms, 3),
        ["maxMs"] = Math.Round(MaxMs, 3),
    };
}

/// <summary>Errors counted by call and outcome ("order 409 insufficient_stock"), with the first message of each kind.</summary>
internal sealed class ErrorCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _examples = new(StringComparer.Ordinal);

    public void Add(string call, Reply reply)
    {
        var key = $"{call} {reply.Outcome}";
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (reply.Detail is not null) _examples.TryAdd(key, reply.Detail);
    }

    public long Total => _counts.Values.Sum();

    public IEnumerable<(string Key, long Count, string? Example)> Sorted() =>
        _counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value, _examples.GetValueOrDefault(kv.Key)));

    public string Short() => Total == 0 ? "none" : string.Join(", ", Sorted().Select(e => $"{e.Key} x{Inv.N(e.Count)}"));

    public JsonObject ToJson()
    {
        var obj = new JsonObject();
        foreach (var (key, count, example) in Sorted())
            obj[key] = new JsonObject { ["count"] = count, ["example"] = example };
        return obj;
    }
}

/// <summary>Progress of a long phase on stderr: "registering customers 120/500", rewritten in place on a terminal.</summary>
internal sealed class Progress : IDisposable
{
    private readonly string _label;
    private readonly int _total;
    private readonly Timer _timer;
    private readonly DateTime _started = DateTime.UtcNow;
    private int _done;
    private int _failed;
    private int _lastPrinted = -1;
    private bool _finished;

    public Progress(string label, int total)
    {
        _label = label;
        _total = total;
        _timer = new Timer(_ => Print(final: false), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Console.IsErrorRedirected ? 5 : 1));
        Print(final: false);
    }

    public void Increment() => Interlocked.Increment(ref _done);

    public void Fail() => Interlocked.Increment(ref _failed);

    public void Finish()
    {
        _timer.Dispose();
        Print(final: true);
    }

    private void Print(bool final)
    {
        lock (_timer)
        {
            if (_finished) return;
            var done = Volatile.Read(ref _done);
            if (!final && done == _lastPrinted && done != 0) return;
            _lastPrinted = done;
            var elapsed = (DateTime.UtcNow - _started).TotalSeconds;
            var rate = elapsed > 0 ? done / elapsed : 0;
            var failed = Volatile.Read(ref _failed);
            var text = $"{_label} {Inv.N(done)}/{Inv.N(_total)}" + (failed > 0 ? $" ({Inv.N(failed)} failed)" : "")
                       + $"  {Inv.F(elapsed)} s, {Inv.F(rate)}/s";
            if (Console.IsErrorRedirected) Console.Error.WriteLine(text);
            else Console.Error.Write("\r" + text.PadRight(78) + (final ? "\n" : ""));
            if (final) _finished = true;
        }
    }

    public void Dispose() => _timer.Dispose();
}

internal static class Log
{
    public static void Info(string text)
    {
        Console.Error.WriteLine(text);
    }
}
