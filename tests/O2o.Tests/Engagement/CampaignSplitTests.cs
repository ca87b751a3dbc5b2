using O2o.Server.Modules.Engagement;

namespace O2o.Tests.Engagement;

/// <summary>The treatment/control split: the configured share, the same answer every time for the same campaign, independent across campaigns.</summary>
public sealed class CampaignSplitTests
{
    private static readonly string[] CustomerIds = [.. Enumerable.Range(0, 20_000).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8]).ToString())];

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    public void The_control_share_is_the_configured_percentage(int percent)
    {
        var campaign = Guid.Parse("0192e7a0-0000-7000-8000-000000000001");
        var share = CustomerIds.Count(c => Campaign.IsControl(campaign, c, percent)) / (double)CustomerIds.Length;
        Assert.InRange(share, percent / 100.0 - 0.012, percent / 100.0 + 0.012);
    }

    [Fact]
    public void The_split_is_reproducible_per_campaign_and_differs_between_campaigns()
    {
        var (first, second) = (Guid.Parse("0192e7a0-0000-7000-8000-000000000001"), Guid.Parse("0192e7a0-0000-7000-8000-000000000002"));
        var once = CustomerIds.Select(c => Campaign.IsControl(first, c, 20)).ToArray();
        Assert.Equal(once, CustomerIds.Select(c => Campaign.IsControl(first, c, 20)));
        var both = CustomerIds.Where((c, i) => once[i] && Campaign.IsControl(second, c, 20)).Count() / (double)CustomerIds.Length;
        Assert.InRange(both, 0.04 - 0.01, 0.04 + 0.01);
    }
}
