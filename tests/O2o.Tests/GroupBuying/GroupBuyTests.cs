using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.GroupBuying;

/// <summary>Community group buying (社区团购): leaders, campaigns, cutoff, one delivery per pickup point, handover, refunds, commissions.</summary>
public abstract class GroupBuyTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);
    private GroupBuyWorld Gb => new(_world);

    [Fact]
    public async Task A_successful_group_buy_goes_to_each_pickup_point_in_one_delivery_and_pays_the_leader_per_handover()
    {
        var (store, product) = await _world.StockedStore(onHand: 20, priceFen: 3000);
        var (tianlin, gubei) = (await Gb.ApprovedLeader(store, "田林"), await Gb.ApprovedLeader(store, "古北"));
        var (campaign, cutoff) = await Gb.NewCampaign(store, product, groupPriceFen: 2000, minParticipants: 2, commissionBasisPoints: 1000);
        var shared = (await _world.Anonymous().Get($"/api/group-buy/campaigns/{campaign}?leader={tianlin.ShareCode}")).Is(HttpStatusCode.OK);
        Assert.Equal("田林", shared["pickupPoint"]["name"]!.GetValue<string>());

        var (first, second, late) = (await _world.NewCustomer(), await _world.NewCustomer(), await _world.NewCustomer());
        var firstOrder = (await GroupBuyWorld.Join(first, campaign, tianlin.ShareCode, 2)).Is(HttpStatusCode.Created);
        Assert.Equal(4000, firstOrder.Long("totalFen"));
        Assert.Matches("^[0-9]{8}$", firstOrder.Str("handoverCode"));
        var secondOrder = (await GroupBuyWorld.Join(second, campaign, gubei.ShareCode, 1)).Is(HttpStatusCode.Created);
        var unpaid = (await GroupBuyWorld.Join(late, campaign, tianlin.ShareCode, 1)).Is(HttpStatusCode.Created);
        await World.Pay(first.Api, firstOrder.Str("orderId"));
        await World.Pay(second.Api, secondOrder.Str("orderId"));
        Assert.Equal(16, await _world.Available(store, product));
        Assert.Equal(4, (await Gb.ReadCampaign(campaign))["campaign"]["joinedUnits"]!.GetValue<int>());

        // A millisecond before the cutoff nothing is decided; at the cutoff it is.
        await Gb.CloseDue(cutoff.AddMilliseconds(-1));
        Assert.Equal("open", (await Gb.ReadCampaign(campaign))["campaign"]["status"]!.GetValue<string>());
        await Gb.CloseDue(cutoff);
        var closed = (await Gb.ReadCampaign(campaign))["campaign"];
        Assert.Equal("succeeded", closed["status"]!.GetValue<string>());
        Assert.Equal(2, closed["paidParticipants"]!.GetValue<int>());
        Assert.Equal(3, closed["paidUnits"]!.GetValue<int>());
        Assert.Equal("cancelled", await GroupBuyWorld.OrderStatus(late, unpaid.Str("orderId")));
        Assert.Equal("preparing", await GroupBuyWorld.OrderStatus(first, firstOrder.Str("orderId")));
        Assert.Equal(17, await _world.Available(store, product));

        var staff = await _world.NewStaff(store);
        var deliveries = (await staff.Get($"/api/stores/{store}/group-buy-deliveries")).Is(HttpStatusCode.OK).Json!.AsArray()
            .Where(d => d!["campaignId"]!.GetValue<string>() == campaign).ToList();
        Assert.Equal(2, deliveries.Count);
        var toTianlin = deliveries.Single(d => d!["leaderId"]!.GetValue<string>() == tianlin.Id)!;
        Assert.Equal(2, toTianlin["units"]!.GetValue<int>());
        Assert.Equal([firstOrder.Str("orderId")], toTianlin["orderIds"]!.AsArray().Select(o => o!.GetValue<string>()));
        var deliveryUrl = $"/api/group-buy/leaders/{tianlin.Id}/deliveries/{toTianlin["id"]}";
        (await tianlin.Customer.Api.Post($"{deliveryUrl}/receive")).Is(HttpStatusCode.Conflict, "group_buy_delivery_not_dispatched");
        (await (await _world.NewStaff(await _world.NewStore())).Post($"/api/stores/{store}/group-buy-deliveries/{toTianlin["id"]}/dispatch"))
            .Is(HttpStatusCode.NotFound, "store_not_found");
        Assert.Equal("dispatched", (await staff.Post($"/api/stores/{store}/group-buy-deliveries/{toTianlin["id"]}/dispatch")).Is(HttpStatusCode.OK).Str("status"));
        (await staff.Post($"/api/stores/{store}/orders/{firstOrder.Str("orderId")}/ready")).Is(HttpStatusCode.Conflict, "invalid_order_status");
        Assert.Equal("received", (await tianlin.Customer.Api.Post($"{deliveryUrl}/receive")).Is(HttpStatusCode.OK).Str("status"));
        Assert.Equal("ready_for_pickup", await GroupBuyWorld.OrderStatus(first, firstOrder.Str("orderId")));

        // The other pickup point's leader cannot hand this order over, even with the right code; nothing changes.
        var code = firstOrder.Str("handoverCode");
        (await gubei.Customer.Api.Post($"/api/group-buy/leaders/{gubei.Id}/orders/{firstOrder.Str("orderId")}/hand-over", new { code }))
            .Is(HttpStatusCode.NotFound, "group_buy_order_not_found");
        var handOver = $"/api/group-buy/leaders/{tianlin.Id}/orders/{firstOrder.Str("orderId")}/hand-over";
        (await tianlin.Customer.Api.Post(handOver, new { code = code == "00000000" ? "00000001" : "00000000" }))
            .Is(HttpStatusCode.UnprocessableEntity, "invalid_handover_code");
        Assert.Equal("ready_for_pickup", await GroupBuyWorld.OrderStatus(first, firstOrder.Str("orderId")));
        Assert.Equal("completed", (await tianlin.Customer.Api.Post(handOver, new { code })).Is(HttpStatusCode.OK).Str("orderStatus"));
        (await tianlin.Customer.Api.Post(handOver, new { code })).Is(HttpStatusCode.Conflict, "group_buy_order_not_ready");
        Assert.Equal("completed", await GroupBuyWorld.OrderStatus(first, firstOrder.Str("orderId")));
        Assert.Equal(17, await _world.Available(store, product));

        var earned = (await tianlin.Customer.Api.Get($"/api/group-buy/leaders/{tianlin.Id}/commissions")).Is(HttpStatusCode.OK);
        Assert.Equal(400, earned.Long("totalFen"));
        Assert.Equal(0, (await gubei.Customer.Api.Get($"/api/group-buy/leaders/{gubei.Id}/commissions")).Is(HttpStatusCode.OK).Long("totalFen"));
        var admin = await _world.Admin();
        var entries = await World.Eventually(() => admin.Get($"/api/admin/ledger/entries?orderId={firstOrder.Str("orderId")}"),
            r => r.Json!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == "leader_commission"));
        var commission = entries.Json!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "leader_commission")!["lines"]!.AsArray();
        Assert.Equal(400, commission.Single(l => l!["account"]!.GetValue<string>().StartsWith("merchant_payable:", StringComparison.Ordinal))!["amountFen"]!.GetValue<long>());
        Assert.Equal(-400, commission.Single(l => l!["account"]!.GetValue<string>() == $"leader_payable:{Guid.Parse(tianlin.Id):N}")!["amountFen"]!.GetValue<long>());
        Assert.Equal(0, (await admin.Get("/api/admin/ledger/balances")).Is(HttpStatusCode.OK).Long("totalFen"));

        var report = (await admin.Get($"/api/admin/group-buy/campaigns/{campaign}")).Is(HttpStatusCode.OK)["pickupPoints"].AsArray();
        var atTianlin = report.Single(p => p!["pickupPoint"]!["leaderId"]!.GetValue<string>() == tianlin.Id)!;
        Assert.Equal(400, atTianlin["commissionFen"]!.GetValue<long>());
        Assert.Equal(1, atTianlin["ordersByStatus"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, atTianlin["ordersByStatus"]!["cancelled"]!.GetValue<int>());

        var mine = (await first.Api.Get("/api/group-buy/orders")).Is(HttpStatusCode.OK).Json!.AsArray().Single()!;
        Assert.Equal("completed", mine["orderStatus"]!.GetValue<string>());
        Assert.Equal("succeeded", mine["campaignStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_group_buy_refunds_every_paid_order_and_gives_the_stock_back()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 3000);
        var leader = await Gb.ApprovedLeader(store);
        var (campaign, cutoff) = await Gb.NewCampaign(store, product, groupPriceFen: 2500, minUnits: 5);
        var (a, b) = (await _world.NewCustomer(), await _world.NewCustomer());
        var orderA = (await GroupBuyWorld.Join(a, campaign, leader.ShareCode, 2)).Is(HttpStatusCode.Created).Str("orderId");
        var orderB = (await GroupBuyWorld.Join(b, campaign, leader.ShareCode, 1)).Is(HttpStatusCode.Created).Str("orderId");
        await World.Pay(a.Api, orderA);
        await World.Pay(b.Api, orderB);
        Assert.Equal(7, await _world.Available(store, product));

        await Gb.CloseDue(cutoff);
        var closed = (await Gb.ReadCampaign(campaign))["campaign"];
        Assert.Equal("failed", closed["status"]!.GetValue<string>());
        Assert.Equal(3, closed["paidUnits"]!.GetValue<int>());
        Assert.Equal("cancelled", await GroupBuyWorld.OrderStatus(a, orderA));
        Assert.Equal("cancelled", await GroupBuyWorld.OrderStatus(b, orderB));
        Assert.Equal(10, await _world.Available(store, product));

        var admin = await _world.Admin();
        foreach (var (order, fen) in new[] { (orderA, 5000L), (orderB, 2500L) })
        {
            var payments = await World.Eventually(() => admin.Get($"/api/admin/orders/{order}/payments"), r => r["refunds"].AsArray().Count > 0);
            Assert.Equal(fen, payments["refunds"].AsArray().Single()!["amountFen"]!.GetValue<long>());
        }
        var campaignNow = await World.Eventually(() => Gb.ReadCampaign(campaign), r => r["campaign"]["joinedOrders"]!.GetValue<int>() == 0);
        Assert.Equal(0, campaignNow["campaign"]["joinedUnits"]!.GetValue<int>());
        var staff = await _world.NewStaff(store);
        Assert.Empty((await staff.Get($"/api/stores/{store}/group-buy-deliveries")).Is(HttpStatusCode.OK).Json!.AsArray());

        // Running the cutoff again (another node, a restart) changes nothing and refunds nobody twice.
        await Gb.CloseDue(cutoff.AddMinutes(1));
        Assert.Single((await admin.Get($"/api/admin/orders/{orderA}/payments"))["refunds"].AsArray());
        (await GroupBuyWorld.Join(await _world.NewCustomer(), campaign, leader.ShareCode, 1)).Is(HttpStatusCode.Conflict, "group_buy_closed");
    }

    [Fact]
    public async Task Joining_at_or_after_the_cutoff_is_refused_and_writes_nothing()
    {
        var cutoff = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
        var open = new O2o.Server.Modules.GroupBuying.Campaign { Title = "t", ProductName = "p", CutoffAt = cutoff };
        Assert.True(open.AcceptsJoinsAt(cutoff.AddTicks(-1)));
        Assert.False(open.AcceptsJoinsAt(cutoff));

        var (store, product) = await _world.StockedStore(onHand: 5);
        var leader = await Gb.ApprovedLeader(store);
        var (campaign, due) = await Gb.NewCampaign(store, product, groupPriceFen: 800, minParticipants: 1, cutoffIn: TimeSpan.FromSeconds(2));
        var customer = await _world.NewCustomer();
        while (DateTimeOffset.UtcNow <= due) await Task.Delay(100);
        (await GroupBuyWorld.Join(customer, campaign, leader.ShareCode, 1)).Is(HttpStatusCode.Conflict, "group_buy_closed");
        Assert.Empty((await customer.Api.Get("/api/orders")).Is(HttpStatusCode.OK).Json!.AsArray());
        Assert.Empty((await customer.Api.Get("/api/group-buy/orders")).Is(HttpStatusCode.OK).Json!.AsArray());
        Assert.Equal(5, await _world.Available(store, product));
        Assert.Equal(0, (await Gb.ReadCampaign(campaign))["campaign"]["joinedOrders"]!.GetValue<int>());
        Assert.DoesNotContain((await _world.Anonymous().Get("/api/group-buy/campaigns")).Is(HttpStatusCode.OK).Json!.AsArray(),
            c => c!["id"]!.GetValue<string>() == campaign);
    }

    [Fact]
    public async Task Each_role_reaches_only_its_own_part()
    {
        var (store, product) = await _world.StockedStore();
        var merchantId = (await _world.Anonymous().Get($"/api/stores/{store}")).Str("merchantId");
        var application = new { merchantId, pickupPointName = "点", address = "上海市", lat = 31.2, lng = 121.4, phone = "13900139000" };
        (await _world.Anonymous().Post("/api/group-buy/leaders", application)).Is(HttpStatusCode.Unauthorized);
        var staff = await _world.NewStaff(store);
        (await staff.Post("/api/group-buy/leaders", application)).Is(HttpStatusCode.Forbidden);

        var pending = await _world.NewCustomer();
        var applied = (await pending.Api.Post("/api/group-buy/leaders", application)).Is(HttpStatusCode.Created);
        (await pending.Api.Post("/api/group-buy/leaders", application)).Is(HttpStatusCode.Conflict, "leader_application_exists");
        (await pending.Api.Get($"/api/group-buy/leaders/{applied.Str("id")}/deliveries")).Is(HttpStatusCode.NotFound, "leader_not_found");
        (await pending.Api.Post($"/api/admin/group-buy/leaders/{applied.Str("id")}/approve")).Is(HttpStatusCode.Forbidden);
        (await staff.Post("/api/admin/group-buy/campaigns", new { productId = product, storeId = store })).Is(HttpStatusCode.Forbidden);
        (await (await _world.Admin()).Post($"/api/admin/group-buy/leaders/{applied.Str("id")}/reject")).Is(HttpStatusCode.OK);
        (await (await _world.Admin()).Post($"/api/admin/group-buy/leaders/{applied.Str("id")}/approve")).Is(HttpStatusCode.Conflict, "leader_not_pending");

        var leader = await Gb.ApprovedLeader(store);
        var stranger = await _world.NewCustomer();
        (await stranger.Api.Get($"/api/group-buy/leaders/{leader.Id}/commissions")).Is(HttpStatusCode.NotFound, "leader_not_found");
        (await stranger.Api.Get($"/api/group-buy/leaders/{leader.Id}/orders")).Is(HttpStatusCode.NotFound, "leader_not_found");
        (await leader.Customer.Api.Get($"/api/group-buy/leaders/{leader.Id}/orders")).Is(HttpStatusCode.OK);

        var (campaign, _) = await Gb.NewCampaign(store, product, groupPriceFen: 500, minParticipants: 3);
        (await GroupBuyWorld.Join(stranger, campaign, "not-a-code", 1)).Is(HttpStatusCode.NotFound, "leader_not_found");
        (await GroupBuyWorld.Join(stranger, campaign, leader.ShareCode, 0)).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.Post($"/api/group-buy/campaigns/{campaign}/orders", new { leaderCode = leader.ShareCode, quantity = 1 })).Is(HttpStatusCode.Forbidden);
        (await GroupBuyWorld.Join(stranger, Guid.NewGuid().ToString(), leader.ShareCode, 1)).Is(HttpStatusCode.NotFound, "group_buy_not_found");
        (await (await _world.Admin()).Post("/api/admin/group-buy/campaigns", new
        {
            productId = product, storeId = store, groupPriceFen = 500, minUnits = 1, commissionBasisPoints = 100, cutoffAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        })).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty((await stranger.Api.Get("/api/orders")).Json!.AsArray());

        // Customer codes are not to be guessed: ten wrong ones and the leader must wait, even with the right one.
        var joined = (await GroupBuyWorld.Join(await _world.NewCustomer(), campaign, leader.ShareCode, 1)).Is(HttpStatusCode.Created);
        var handOver = $"/api/group-buy/leaders/{leader.Id}/orders/{joined.Str("orderId")}/hand-over";
        (await stranger.Api.Post(handOver, new { code = joined.Str("handoverCode") })).Is(HttpStatusCode.NotFound, "leader_not_found");
        (await leader.Customer.Api.Post(handOver, new { code = "123" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        var wrong = joined.Str("handoverCode") == "00000000" ? "00000001" : "00000000";
        for (var i = 0; i < 10; i++)
            (await leader.Customer.Api.Post(handOver, new { code = wrong })).Is(HttpStatusCode.UnprocessableEntity, "invalid_handover_code");
        var blocked = (await leader.Customer.Api.Post(handOver, new { code = joined.Str("handoverCode") })).Is(HttpStatusCode.TooManyRequests, "too_many_handover_attempts");
        Assert.NotNull(blocked.Response.Headers.RetryAfter);
        Assert.Equal("pending_payment", (await (await _world.Admin()).Get($"/api/orders/{joined.Str("orderId")}")).Is(HttpStatusCode.OK).Str("status"));
    }
}

public sealed class GroupBuyTests_Sqlite(SqliteApp app) : GroupBuyTests(app), IClassFixture<SqliteApp>;

public sealed class GroupBuyTests_Postgres(PostgresApp app) : GroupBuyTests(app), IClassFixture<PostgresApp>;
