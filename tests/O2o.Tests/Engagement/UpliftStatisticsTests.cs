using O2o.Server.Modules.Engagement;

namespace O2o.Tests.Engagement;

/// <summary>
/// Uplift on synthetic campaigns whose true effect is known: control customers buy with probability 20% and spend ¥20–¥180 (mean ¥100)
/// when they do; treated customers buy with 30%, so the true uplift is 10 points of conversion and ¥10 of GMV per customer.
/// </summary>
public sealed class UpliftStatisticsTests
{
    private const double MeanSpendFen = 10_000;

    private static List<double> Group(Random random, int customers, double conversion) =>
        [.. Enumerable.Range(0, customers).Select(_ => random.NextDouble() < conversion ? Math.Round(2_000 + random.NextDouble() * 16_000) : 0.0)];

    private static List<double> Converted(IEnumerable<double> gmv) => [.. gmv.Select(x => x > 0 ? 1.0 : 0.0)];

    [Fact]
    public void A_campaign_with_a_known_effect_is_estimated_within_its_interval_and_the_interval_holds_the_truth()
    {
        var random = new Random(20261111);
        var treatment = Group(random, 2_000, 0.30);
        var control = Group(random, 2_000, 0.20);
        var trueUpliftFen = (0.30 - 0.20) * MeanSpendFen;

        var gmv = UpliftStatistics.Compare(treatment, control)!;
        Assert.InRange(gmv.Difference, gmv.Low, gmv.High);
        Assert.InRange(trueUpliftFen, gmv.Low, gmv.High);
        Assert.True(gmv.Low > 0, $"A real ¥10 effect on 2,000 + 2,000 customers is detected: [{gmv.Low}, {gmv.High}]");
        Assert.Equal(gmv.High - gmv.Difference, 1.96 * gmv.StandardError, 6);

        var incremental = gmv.Times(treatment.Count);
        Assert.Equal(gmv.Difference * 2_000, incremental.Difference, 6);
        Assert.InRange(trueUpliftFen * 2_000, incremental.Low, incremental.High);

        var conversion = UpliftStatistics.Compare(Converted(treatment), Converted(control))!;
        Assert.InRange(0.10, conversion.Low, conversion.High);
        Assert.True(conversion.Low > 0);
    }

    [Fact]
    public void A_campaign_without_effect_has_an_interval_around_zero()
    {
        var random = new Random(7);
        var treatment = Group(random, 2_000, 0.20);
        var control = Group(random, 2_000, 0.20);

        var gmv = UpliftStatistics.Compare(treatment, control)!;
        Assert.InRange(0, gmv.Low, gmv.High);
        var conversion = UpliftStatistics.Compare(Converted(treatment), Converted(control))!;
        Assert.InRange(0, conversion.Low, conversion.High);
    }

    [Fact]
    public void Over_many_synthetic_campaigns_the_95_percent_interval_holds_the_truth_about_95_percent_of_the_time()
    {
        var random = new Random(42);
        const int campaigns = 300;
        var covered = 0;
        for (var i = 0; i < campaigns; i++)
        {
            // Unequal groups, as with a 20% control share.
            var gmv = UpliftStatistics.Compare(Group(random, 800, 0.30), Group(random, 200, 0.20))!;
            if (gmv.Low <= 1_000 && 1_000 <= gmv.High) covered++;
        }
        Assert.InRange(covered / (double)campaigns, 0.91, 0.99);
    }

    [Fact]
    public void The_welch_standard_error_is_the_textbook_one()
    {
        // Treatment 1, 2, 3, 4 (mean 2.5, s² 5/3); control 1, 1, 1, 5 (mean 2, s² 4).
        var uplift = UpliftStatistics.Compare([1, 2, 3, 4], [1, 1, 1, 5])!;
        Assert.Equal(0.5, uplift.Difference, 10);
        Assert.Equal(Math.Sqrt(5.0 / 3 / 4 + 4.0 / 4), uplift.StandardError, 10);
    }

    [Fact]
    public void Degenerate_groups_give_a_clear_answer_and_never_NaN()
    {
        Assert.Null(UpliftStatistics.Compare([1, 2, 3], []));
        Assert.Null(UpliftStatistics.Compare([], [1, 2]));
        Assert.Null(UpliftStatistics.Compare([5, 6], [7]));

        var nobodyBought = UpliftStatistics.Compare([0, 0, 0], [0, 0])!;
        Assert.Equal(0, nobodyBought.Difference);
        Assert.Equal(0, nobodyBought.StandardError);
        Assert.Equal((0.0, 0.0), (nobodyBought.Low, nobodyBought.High));

        var constant = UpliftStatistics.Compare([300, 300], [100, 100])!;
        Assert.Equal((200.0, 200.0, 200.0), (constant.Difference, constant.Low, constant.High));
        Assert.False(double.IsNaN(constant.Times(0).Difference));
    }
}
