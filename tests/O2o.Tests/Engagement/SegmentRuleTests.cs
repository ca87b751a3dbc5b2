using O2o.Contracts;
using O2o.Server.Modules.Engagement;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>The rule on its own: age bands on the Beijing calendar, lists ORed and conditions ANDed, and what engagement configuration refuses.</summary>
public sealed class SegmentRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing

    [Theory]
    [InlineData("2008-11-28", "18-24")] // 18 today in Beijing
    [InlineData("2008-11-29", "under-18")]
    [InlineData("2001-11-29", "18-24")]
    [InlineData("2001-11-28", "25-34")]
    [InlineData("1971-11-28", "55+")]
    public void Age_bands_follow_birthdays_on_the_beijing_calendar(string born, string band) =>
        Assert.Equal(band, SegmentRule.AgeBandOf(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), Now));

    [Fact]
    public void Conditions_are_anded_and_the_values_of_a_list_ored()
    {
        var rule = SegmentRule.From(new SegmentRuleDto(Genders: ["female", "other"], Cities: ["上海"], InactiveDays: 30)).Value;
        CustomerFeatures Customer(string gender, string city, int daysSincePurchase) => new()
        {
            CustomerId = "c", Gender = gender, City = city, LastPurchaseAt = Now.AddDays(-daysSincePurchase),
        };
        Assert.True(rule.Matches(Customer("female", "上海", 40), Now));
        Assert.True(rule.Matches(Customer("other", "上海", 31), Now));
        Assert.False(rule.Matches(Customer("male", "上海", 40), Now));
        Assert.False(rule.Matches(Customer("female", "杭州", 40), Now));
        Assert.False(rule.Matches(Customer("female", "上海", 10), Now));
        Assert.True(rule.Matches(new CustomerFeatures { CustomerId = "never", Gender = "female", City = "上海" }, Now));
        Assert.True(rule.IsTimeDependent);
        Assert.False(SegmentRule.From(new SegmentRuleDto(Tiers: [3, 4])).Value.IsTimeDependent);
    }

    [Fact]
    public void A_development_sink_is_the_only_one_and_anything_else_stops_the_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"o2o-engagement-config-{Guid.NewGuid():N}.db");
        using var app = new O2oApp(DatabaseKind.Sqlite, $"Data Source={file}", [new("Engagement:Sms:Sink", "aliyun")]);
        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Engagement:Sms:Sink", refused.ToString(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { file, file + "-wal", file + "-shm" }) File.Delete(leftover);
    }
}
