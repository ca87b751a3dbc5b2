using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.GroupBuying;
using O2o.Tests.Support;

namespace O2o.Tests.GroupBuying;

public sealed record TestLeader(Customer Customer, string Id, string ShareCode);

/// <summary>What group-buy tests build through the API: approved leaders, campaigns, joins; and the cutoff run at a chosen instant.</summary>
public sealed class GroupBuyWorld(World world)
{
    public async Task<TestLeader> ApprovedLeader(string storeId, string name = "测试自提点")
    {
        var customer = await world.NewCustomer();
        var merchantId = (await world.Anonymous().Get($"/api/stores/{storeId}")).Is(HttpStatusCode.OK).Str("merchantId");
        var applied = (await customer.Api.Post("/api/group-buy/leaders", new
        {
            merchantId, pickupPointName = name, address = "上海市徐汇区田林路200弄", lat = 31.1726, lng = 121.4267, phone = "13900139000",
        })).Is(HttpStatusCode.Created);
        Assert.Equal("pending", applied.Str("status"));
        var approved = (await (await world.Admin()).Post($"/api/admin/group-buy/leaders/{applied.Str("id")}/approve")).Is(HttpStatusCode.OK);
        Assert.Equal("approved", approved.Str("status"));
        Assert.Matches("^[a-z0-9]{12}$", approved.Str("shareCode"));
        return new TestLeader(customer, approved.Str("id"), approved.Str("shareCode"));
    }

    public async Task<(string Id, DateTimeOffset CutoffAt)> NewCampaign(string storeId, string productId, long groupPriceFen, int? minParticipants = null,
        int? minUnits = null, TimeSpan? cutoffIn = null, int commissionBasisPoints = 1000)
    {
        var created = (await (await world.Admin()).Post("/api/admin/group-buy/campaigns", new
        {
            productId, storeId, groupPriceFen, minParticipants, minUnits, commissionBasisPoints,
            cutoffAt = DateTimeOffset.UtcNow + (cutoffIn ?? TimeSpan.FromHours(1)), title = "田林社区草莓团",
        })).Is(HttpStatusCode.Created);
        Assert.Equal("open", created.Str("status"));
        return (created.Str("id"), created["cutoffAt"].GetValue<DateTimeOffset>());
    }

    public static Task<Reply> Join(Customer customer, string campaignId, string leaderCode, int quantity) =>
        customer.Api.Post($"/api/group-buy/campaigns/{campaignId}/orders", new { leaderCode, quantity });

    public async Task<Reply> ReadCampaign(string campaignId) => (await world.Anonymous().Get($"/api/group-buy/campaigns/{campaignId}")).Is(HttpStatusCode.OK);

    /// <summary>Runs what the job runs, at the instant given, as if the clock said so.</summary>
    public async Task CloseDue(DateTimeOffset now)
    {
        using var scope = world.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CampaignClosing>().CloseDueAsync(now, CancellationToken.None);
    }

    public static async Task<string> OrderStatus(Customer customer, string orderId) =>
        (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Str("status");
}
