using System.Text.Json;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Engagement;

/// <summary>A validated segment rule: conditions ANDed, the values of a list ORed. Pure, so one rule decides for one customer and for all.</summary>
internal sealed record SegmentRule(string[] AgeBands, string[] Genders, string[] Cities, int? RecencyDays, int? InactiveDays, int? MinOrders,
    int? MaxOrders, long? MinSpendFen, Guid[] FavouriteStoreIds, int[] Tiers)
{
    public static readonly string[] Bands = ["under-18", "18-24", "25-34", "35-44", "45-54", "55+"];
    private const int MaxListLength = 100;

    /// <summary>Days pass: rules on recency, inactivity, age or the 365-day window must be evaluated again daily.</summary>
    public bool IsTimeDependent => RecencyDays is not null || InactiveDays is not null || AgeBands.Length > 0
        || MinOrders is not null || MaxOrders is not null || MinSpendFen is not null;

    public bool Matches(CustomerFeatures f, DateTimeOffset now)
    {
        if (AgeBands.Length > 0 && (AgeBandOf(f.BirthDate, now) is not { } band || !AgeBands.Contains(band))) return false;
        if (Genders.Length > 0 && (f.Gender is null || !Genders.Contains(f.Gender))) return false;
        if (Cities.Length > 0 && (f.City is null || !Cities.Contains(f.City))) return false;
        if (RecencyDays is { } recent && (f.LastPurchaseAt is not { } last || now - last > TimeSpan.FromDays(recent))) return false;
        if (InactiveDays is { } inactive && f.LastPurchaseAt is { } lastSeen && now - lastSeen < TimeSpan.FromDays(inactive)) return false;
        if (MinOrders is { } min && f.Orders365 < min) return false;
        if (MaxOrders is { } max && f.Orders365 > max) return false;
        if (MinSpendFen is { } spend && f.Spend365Fen < spend) return false;
        if (FavouriteStoreIds.Length > 0 && (f.FavouriteStoreId is not { } store || !FavouriteStoreIds.Contains(store))) return false;
        if (Tiers.Length > 0 && !Tiers.Contains(f.Tier)) return false;
        return true;
    }

    public static string? AgeBandOf(DateOnly? birthDate, DateTimeOffset now)
    {
        if (birthDate is not { } born) return null;
        var today = ChinaTime.Today(now);
        var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
        return age switch { < 18 => "under-18", < 25 => "18-24", < 35 => "25-34", < 45 => "35-44", < 55 => "45-54", _ => "55+" };
    }

    /// <summary>The rule of a request, or why it cannot be one (a field error, or conditions that no customer can meet together).</summary>
    public static Result<SegmentRule> From(SegmentRuleDto? dto)
    {
        if (dto is null) return EngagementErrors.EmptyRule;
        var v = new Validation();
        foreach (var (field, list) in new[] { ("ageBands", dto.AgeBands), ("genders", dto.Genders), ("cities", dto.Cities), ("favouriteStoreIds", dto.FavouriteStoreIds) })
            if (list is { Length: > MaxListLength }) v.Add(field, $"At most {MaxListLength} values.");
        if (dto.AgeBands?.FirstOrDefault(b => !Bands.Contains(b)) is { } band) v.Add("ageBands", $"Unknown band '{band}'; one of {string.Join(", ", Bands)}.");
        if (dto.Genders?.FirstOrDefault(g => !Accounts.Genders.All.Contains(g)) is { } gender) v.Add("genders", $"Unknown gender '{gender}'.");
        if (dto.Cities?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 40) == true) v.Add("cities", "Each city 1 to 40 characters.");
        if (dto.FavouriteStoreIds?.Any(s => !Guid.TryParse(s, out _)) == true) v.Add("favouriteStoreIds", "Each must be a store id.");
        if (dto.Tiers?.Any(t => t is < 1 or > 4) == true) v.Add("tiers", "Tiers are 1 (member) to 4 (diamond).");
        v.Range("recencyDays", dto.RecencyDays, 1, 3650, required: false).Range("inactiveDays", dto.InactiveDays, 1, 3650, required: false)
            .Range("minOrders", dto.MinOrders, 0, 100_000, required: false).Range("maxOrders", dto.MaxOrders, 0, 100_000, required: false)
            .Range("minSpendFen", dto.MinSpendFen, 0, 10_000_000_000, required: false);
        if (v.Error is not null) return v.Error;

        var rule = new SegmentRule([.. (dto.AgeBands ?? []).Distinct()], [.. (dto.Genders ?? []).Distinct()], [.. (dto.Cities ?? []).Select(c => c.Trim()).Distinct()],
            dto.RecencyDays, dto.InactiveDays, dto.MinOrders, dto.MaxOrders, dto.MinSpendFen,
            [.. (dto.FavouriteStoreIds ?? []).Select(Guid.Parse).Distinct()], [.. (dto.Tiers ?? []).Distinct()]);
        if (rule is { AgeBands: [], Genders: [], Cities: [], RecencyDays: null, InactiveDays: null, MinOrders: null, MaxOrders: null, MinSpendFen: null,
            FavouriteStoreIds: [], Tiers: [] }) return EngagementErrors.EmptyRule;
        if (rule.MinOrders > rule.MaxOrders)
            return EngagementErrors.Contradiction("minOrders is above maxOrders.", "最少订单数大于最多订单数。");
        if (rule.InactiveDays is { } idle && rule.RecencyDays is { } recent && idle > recent)
            return EngagementErrors.Contradiction("No customer can have bought within recencyDays and not for inactiveDays more.", "“近 N 天购买”与“至少 M 天未购买”不可能同时成立。");
        if (rule.MaxOrders == 0 && (rule.MinSpendFen > 0 || rule.RecencyDays is not null))
            return EngagementErrors.Contradiction("A customer without orders has neither spend nor a recent purchase.", "没有订单的顾客不会有消费金额或近期购买。");
        return rule;
    }

    public SegmentRuleDto ToDto() => new(NullIfEmpty(AgeBands), NullIfEmpty(Genders), NullIfEmpty(Cities), RecencyDays, InactiveDays, MinOrders, MaxOrders,
        MinSpendFen, NullIfEmpty(FavouriteStoreIds.Select(s => s.ToString()).ToArray()), NullIfEmpty(Tiers));

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SegmentRule FromJson(string json) => JsonSerializer.Deserialize<SegmentRule>(json, JsonSerializerOptions.Web)!;

    private static T[]? NullIfEmpty<T>(T[] values) => values.Length == 0 ? null : values;
}
