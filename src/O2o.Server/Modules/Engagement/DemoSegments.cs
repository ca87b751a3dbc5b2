using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>The demo's four segments, evaluated over the demo shoppers' features like any admin-made segment.</summary>
internal static class DemoSegments
{
    public static readonly Guid Lapsed = StableId.From("demo:segment:lapsed");
    public static readonly Guid YoungWomenShanghai = StableId.From("demo:segment:young-women-shanghai");

    public static async Task SeedAsync(O2oDb db, DateTimeOffset now, CancellationToken ct)
    {
        (Guid Id, string Zh, string En, SegmentRule Rule)[] segments =
        [
            (Lapsed, "沉睡客户", "Lapsed 30+ days", Rule(inactiveDays: 30, minOrders: 1)),
            (StableId.From("demo:segment:high-value"), "高价值客户", "High value", Rule(minSpendFen: 300_000, recencyDays: 90)),
            (YoungWomenShanghai, "上海年轻女性", "Young women in Shanghai", Rule(["18-24", "25-34"], ["female"], ["上海"])),
            (StableId.From("demo:segment:gold-plus"), "金卡及以上", "Gold and above", Rule(tiers: [3, 4])),
        ];
        var evaluator = new SegmentEvaluator(db);
        foreach (var (id, zh, en, rule) in segments)
        {
            var segment = new Segment { Id = id, NameZh = zh, NameEn = en, Rule = rule.ToJson(), CreatedAt = now.AddDays(-40) };
            db.Add(segment);
            await evaluator.EvaluateSegmentAsync(segment, now, ct);
        }
    }

    private static SegmentRule Rule(string[]? ageBands = null, string[]? genders = null, string[]? cities = null, int? recencyDays = null, int? inactiveDays = null,
        int? minOrders = null, long? minSpendFen = null, int[]? tiers = null) =>
        new(ageBands ?? [], genders ?? [], cities ?? [], recencyDays, inactiveDays, minOrders, null, minSpendFen, [], tiers ?? []);
}
