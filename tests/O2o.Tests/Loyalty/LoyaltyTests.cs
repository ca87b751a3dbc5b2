using System.Net;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Loyalty;

/// <summary>Points and tiers through the API: earning on completed orders, activities, paying with points, expiry, tiers at their boundaries.</summary>
public abstract class LoyaltyTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    private static Task<Reply> Membership(Customer c) => c.Api.Get("/api/me/loyalty");

    private static Task<Reply> Order(Customer c, string store, string product, int quantity, int? points = null) =>
        c.Api.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity } }, points });

    /// <summary>Places, pays and hands over a pickup order; its id.</summary>
    private static async Task<string> Completed(Customer c, string store, string product, int quantity, Api staff)
    {
        var order = (await Order(c, store, product, quantity)).Is(HttpStatusCode.Created);
        var id = order.Str("id");
        await World.Pay(c.Api, id);
        var code = (await World.Eventually(() => c.Api.Get($"/api/orders/{id}"), r => r.Json?["pickupCode"] is not null)).Str("pickupCode");
        (await staff.Post($"/api/stores/{store}/orders/{id}/accept")).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/orders/{id}/ready")).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.OK);
        return id;
    }

    private async Task Grant(Customer c, long points) =>
        (await (await _world.Admin()).Post($"/api/admin/loyalty/members/{c.UserId}/adjustments", new { points, reason = "测试赠送 test grant" })).Is(HttpStatusCode.OK);

    private async Task<bool> Reconciled() =>
        (await (await _world.Admin()).Get("/api/admin/loyalty/reconciliation")).Is(HttpStatusCode.OK)["reconciled"].GetValue<bool>();

    [Fact]
    public async Task A_completed_order_earns_points_and_spend_and_a_review_earns_points_once()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 12345);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();
        var stranger = await _world.NewCustomer();

        var open = (await Order(customer, store, product, 1)).Is(HttpStatusCode.Created).Str("id");
        (await customer.Api.Post($"/api/orders/{open}/review", new { rating = 5 })).Is(HttpStatusCode.Conflict, "order_not_reviewable");
        var id = await Completed(customer, store, product, 2, staff);

        // ¥246.90 paid: 246 points at the base rate, and the spend counts toward the tier.
        var me = (await World.Eventually(() => Membership(customer), r => r.Long("points") > 0)).Is(HttpStatusCode.OK);
        Assert.Equal(246, me.Long("points"));
        Assert.Equal(246, me.Long("pointsValueFen"));
        Assert.Equal(24690, me.Long("rollingSpendFen"));
        Assert.Equal(1, me["tier"]["tier"]!.GetValue<int>());
        Assert.Equal(100_000 - 24690, me.Long("spendToNextTierFen"));

        (await customer.Api.Post($"/api/orders/{id}/review", new { rating = 6 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await stranger.Api.Post($"/api/orders/{id}/review", new { rating = 5 })).Is(HttpStatusCode.NotFound, "order_not_found");
        (await customer.Api.Post($"/api/orders/{id}/review", new { rating = 5, comment = "包装很好，自提很快，店员也很热情。" })).Is(HttpStatusCode.Created);
        (await customer.Api.Post($"/api/orders/{id}/review", new { rating = 1 })).Is(HttpStatusCode.Conflict, "order_already_reviewed");
        Assert.Equal(5, (await customer.Api.Get($"/api/orders/{id}/review")).Is(HttpStatusCode.OK)["rating"].GetValue<int>());

        me = await World.Eventually(() => Membership(customer), r => r.Long("points") > 246);
        Assert.Equal(246 + 20, me.Long("points"));
        var ledger = (await customer.Api.Get("/api/me/loyalty/ledger")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["review", "order"], ledger.Select(e => e!["kind"]!.GetValue<string>()).ToArray());
        Assert.NotNull(ledger[1]!["expiresAt"]);
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task Points_pay_part_of_an_order_within_the_limits_and_come_back_when_it_is_cancelled()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 1001);
        var customer = await _world.NewCustomer();
        await Grant(customer, 1000);
        var lines = new[] { new { productId = product, quantity = 3 } };

        var quote = (await customer.Api.Post("/api/cart/price", new { fulfillment = new { type = "pickup", storeId = store }, lines, points = 1000 }))
            .Is(HttpStatusCode.OK);
        Assert.Equal(3003 - 1000, quote.Long("totalFen"));
        Assert.Equal(1000, quote.Long("pointsFen"));
        (await customer.Api.Post("/api/cart/price", new { fulfillment = new { type = "pickup", storeId = store }, lines, points = 50 }))
            .Is(HttpStatusCode.UnprocessableEntity, "points_below_minimum");
        // Half of ¥10.01 is 500 points at most.
        var over = (await Order(customer, store, product, 1, points: 600)).Is(HttpStatusCode.UnprocessableEntity, "points_over_limit");
        Assert.Equal(500, over.Long("maxPoints"));
        (await Order(customer, store, product, 10, points: 1200)).Is(HttpStatusCode.Conflict, "points_insufficient");
        (await Order(customer, store, product, 1, points: -1)).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(10, await _world.Available(store, product));

        var order = (await Order(customer, store, product, 3, points: 1000)).Is(HttpStatusCode.Created);
        Assert.Equal(2003, order.Long("totalFen"));
        Assert.Equal(1000, order.Long("pointsUsed"));
        var paid = order["lines"].AsArray().Single()!["adjustments"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == "points")!;
        Assert.Equal(1000, paid["amountFen"]!.GetValue<long>());
        Assert.Equal(0, (await Membership(customer)).Long("points"));

        (await customer.Api.Post($"/api/orders/{order.Str("id")}/cancel")).Is(HttpStatusCode.OK);
        var back = await World.Eventually(() => Membership(customer), r => r.Long("points") == 1000);
        Assert.Equal(1000, back.Long("points"));
        var kinds = (await customer.Api.Get("/api/me/loyalty/ledger")).Json!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToArray();
        Assert.Equal(["give_back", "redeem", "adjustment"], kinds);

        // Paid, the money ledger shows what points paid apart from what promotions gave.
        var settled = (await Order(customer, store, product, 2, points: 500)).Is(HttpStatusCode.Created);
        Assert.Equal(2002 - 500, settled.Long("totalFen"));
        await World.Pay(customer.Api, settled.Str("id"));
        var admin = await _world.Admin();
        var entries = await World.Eventually(() => admin.Get($"/api/admin/ledger/entries?orderId={settled.Str("id")}"), r => r.Json!.AsArray().Count > 0);
        var posted = entries.Json!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "customer_payment")!["lines"]!.AsArray();
        Assert.Equal(500, posted.Single(l => l!["account"]!.GetValue<string>() == "points_redeemed")!["amountFen"]!.GetValue<long>());
        Assert.Equal(1502, posted.Single(l => l!["account"]!.GetValue<string>().StartsWith("gateway_clearing:", StringComparison.Ordinal))!["amountFen"]!.GetValue<long>());
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task A_refund_takes_back_its_share_of_the_points_and_of_the_spend()
    {
        var store = await _world.NewStore();
        var admin = await _world.Admin();
        var product = (await admin.Post("/api/admin/products", new
        {
            sku = $"V-{Guid.NewGuid():N}"[..20], name = "双人下午茶券", nameEn = "Afternoon tea for two", priceFen = 60_000, kind = "voucher",
        })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Put($"/api/admin/products/{product}/voucher-terms", new { uses = 1, faceValueFen = 70_000, storeIds = new[] { store }, validDays = 30 }))
            .Is(HttpStatusCode.OK);
        var customer = await _world.NewCustomer();

        // Two vouchers, paid and so completed at once: ¥1,200 earns 1,200 points and reaches silver.
        var order = (await customer.Api.Post("/api/vouchers/purchases", new { productId = product, quantity = 2, storeId = store })).Is(HttpStatusCode.Created);
        await World.Pay(customer.Api, order.Str("id"));
        var me = await World.Eventually(() => Membership(customer), r => r["tier"]["tier"]!.GetValue<int>() == 2);
        Assert.Equal(1200, me.Long("points"));
        Assert.Equal(120_000, me.Long("rollingSpendFen"));

        // One voucher refunded: half the points and half the spend go back, and the customer is below silver again.
        var vouchers = await World.Eventually(() => customer.Api.Get("/api/vouchers"), r => r.Json!.AsArray().Count == 2);
        (await customer.Api.Post($"/api/vouchers/{vouchers.Json!.AsArray()[0]!["id"]}/refund")).Is(HttpStatusCode.OK);
        me = await World.Eventually(() => Membership(customer), r => r.Long("points") < 1200, TimeSpan.FromSeconds(30));
        Assert.Equal(600, me.Long("points"));
        Assert.Equal(60_000, me.Long("rollingSpendFen"));
        Assert.Equal(1, me["tier"]["tier"]!.GetValue<int>());
        Assert.Contains((await customer.Api.Get("/api/me/loyalty/ledger")).Json!.AsArray(), e => e!["kind"]!.GetValue<string>() == "reversal");
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task A_member_identified_at_the_counter_gets_tier_prices_and_points_and_a_return_takes_them_back()
    {
        var (store, product) = await _world.StockedStore(onHand: 20, priceFen: 5000);
        var staff = await _world.NewStaff(store);
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var email = $"m{Guid.NewGuid():N}@test.o2o";
        var userId = (await _world.Anonymous().Post("/api/auth/register", new { email, password = World.Password, displayName = "柜台会员", phone }))
            .Is(HttpStatusCode.Created).Str("userId");
        var customer = new Customer(await _world.Login(email, World.Password), userId, email);
        (await (await _world.Admin()).Post("/api/admin/promotions", new
        {
            kind = "member_price", name = "会员价", productIds = new[] { product }, priceFen = 4500, channels = new[] { "counter" }, storeIds = new[] { store },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.Created);

        var walkIn = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } } })).Is(HttpStatusCode.Created);
        Assert.Equal(10_000, walkIn.Long("totalFen"));
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } }, memberPhone = "13000000000" }))
            .Is(HttpStatusCode.NotFound, "member_not_found");
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } }, memberPhone = "not a phone" }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");

        var sale = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } }, memberPhone = phone }))
            .Is(HttpStatusCode.Created);
        Assert.Equal(9_000, sale.Long("totalFen"));
        Assert.True(sale["member"].GetValue<bool>());
        var me = await World.Eventually(() => Membership(customer), r => r.Long("points") > 0);
        Assert.Equal(90, me.Long("points"));
        Assert.Equal(9_000, me.Long("rollingSpendFen"));

        (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId = sale.Str("id"), lines = new[] { new { productId = product, quantity = 1 } } }))
            .Is(HttpStatusCode.Created);
        me = await World.Eventually(() => Membership(customer), r => r.Long("points") < 90);
        Assert.Equal(45, me.Long("points"));
        Assert.Equal(4_500, me.Long("rollingSpendFen"));
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task Racing_checkouts_never_spend_more_points_than_the_customer_has()
    {
        var (store, product) = await _world.StockedStore(onHand: 100, priceFen: 1000);
        var customer = await _world.NewCustomer();
        await Grant(customer, 1000);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Order(customer, store, product, 1, points: 300)));
        var placed = replies.Count(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(3, placed);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal("points_insufficient", r.Code));
        Assert.Equal(100, (await Membership(customer)).Long("points"));
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task Points_are_spent_and_expire_oldest_first()
    {
        var customer = await _world.NewCustomer();
        var now = DateTimeOffset.UtcNow;
        using (var scope = _world.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
            var book = scope.ServiceProvider.GetRequiredService<PointsBook>();
            await db.InTransactionAsync(async () =>
            {
                // Earned 300 days ago, so due in 65 days; and earned now, due in a year.
                await book.EarnAsync(customer.UserId, PointsKinds.Adjustment, 100, $"test:old:{customer.UserId}", null, "old", now.AddDays(-300), now, default);
                return await book.EarnAsync(customer.UserId, PointsKinds.Adjustment, 100, $"test:new:{customer.UserId}", null, "new", now, now, default);
            }, _ => true, default);
        }
        var me = (await Membership(customer)).Is(HttpStatusCode.OK);
        Assert.Equal(200, me.Long("points"));
        Assert.Equal(0, me.Long("expiringPoints"));

        (await (await _world.Admin()).Post($"/api/admin/loyalty/members/{customer.UserId}/adjustments", new { points = -60, reason = "correction 更正" }))
            .Is(HttpStatusCode.OK);
        (await (await _world.Admin()).Post($"/api/admin/loyalty/members/{customer.UserId}/adjustments", new { points = -500, reason = "too many" }))
            .Is(HttpStatusCode.Conflict, "points_insufficient");

        using (var scope = _world.App.Services.CreateScope())
        {
            var maintenance = scope.ServiceProvider.GetRequiredService<LoyaltyMaintenance>();
            await maintenance.RunAsync(now.AddDays(64), default);
            Assert.Equal(140, (await Membership(customer)).Long("points"));
            // The old lot gave 60 of its 100; the other 40 lapse, the new lot is whole.
            await maintenance.RunAsync(now.AddDays(66), default);
            Assert.Equal(100, (await Membership(customer)).Long("points"));
            await maintenance.RunAsync(now.AddDays(366), default);
            Assert.Equal(0, (await Membership(customer)).Long("points"));
        }
        var ledger = (await customer.Api.Get("/api/me/loyalty/ledger")).Json!.AsArray();
        Assert.Equal([-100, -40], ledger.Where(e => e!["kind"]!.GetValue<string>() == "expiry").Select(e => e!["points"]!.GetValue<long>()).ToArray());
        Assert.True(await Reconciled());
    }

    [Fact]
    public async Task The_tier_moves_up_exactly_at_its_threshold_and_down_when_spend_leaves_the_window()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 99_999);
        var penny = await _world.NewProduct(priceFen: 101);
        (await _world.SetStock(store, penny, 10)).Is(HttpStatusCode.OK);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();
        var admin = await _world.Admin();
        (await admin.Post("/api/admin/promotions", new
        {
            kind = "member_price", name = "银卡会员价", productIds = new[] { penny }, priceFen = 1, minMemberTier = 2, storeIds = new[] { store },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.Created);

        var welcome = (await admin.Post("/api/admin/coupons", new
        {
            kind = "fixed_off", name = "银卡升级礼", amountFen = 1500, minSpendFen = 10000, validDays = 30,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddDays(30),
        })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Put("/api/admin/loyalty/tiers/1/coupons", new { promotionIds = new[] { welcome } })).Is(HttpStatusCode.NotFound, "tier_not_found");
        (await admin.Put("/api/admin/loyalty/tiers/2/coupons", new { promotionIds = new[] { Guid.NewGuid().ToString() } })).Is(HttpStatusCode.NotFound, "promotion_not_found");
        (await admin.Put("/api/admin/loyalty/tiers/2/coupons", new { promotionIds = new[] { welcome } })).Is(HttpStatusCode.OK);

        await Completed(customer, store, product, 1, staff);
        var me = await World.Eventually(() => Membership(customer), r => r.Long("rollingSpendFen") == 99_999);
        Assert.Equal(1, me["tier"]["tier"]!.GetValue<int>());
        Assert.Equal(1, me.Long("spendToNextTierFen"));

        await Completed(customer, store, penny, 1, staff);
        me = await World.Eventually(() => Membership(customer), r => r["tier"]["tier"]!.GetValue<int>() == 2);
        Assert.Equal(2, me["tier"]["tier"]!.GetValue<int>());
        Assert.Equal(100_100, me.Long("rollingSpendFen"));
        // Reaching silver brings its welcome coupon and a message in the inbox.
        var wallet = await World.Eventually(() => customer.Api.Get("/api/me/coupons"), r => r.Json!.AsArray().Count > 0);
        Assert.Equal(welcome, wallet.Json!.AsArray().Single()!["promotionId"]!.GetValue<string>());
        var inbox = await World.Eventually(() => customer.Api.Get("/api/me/inbox"), r => r["items"].AsArray().Count > 0);
        Assert.Contains("银卡", inbox["items"].AsArray()[0]!["title"]!.GetValue<string>());
        // Silver's member price applies from now on.
        var quote = (await customer.Api.Post("/api/cart/price", new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = penny, quantity = 1 } } }))
            .Is(HttpStatusCode.OK);
        Assert.Equal(1, quote.Long("totalFen"));

        using (var scope = _world.App.Services.CreateScope())
        {
            var maintenance = scope.ServiceProvider.GetRequiredService<LoyaltyMaintenance>();
            var (_, changes) = await maintenance.RunAsync(DateTimeOffset.UtcNow.AddDays(364), default);
            Assert.Equal(2, (await Membership(customer))["tier"]["tier"]!.GetValue<int>());
            (_, changes) = await maintenance.RunAsync(DateTimeOffset.UtcNow.AddDays(366), default);
            Assert.True(changes >= 1);
        }
        me = (await Membership(customer)).Is(HttpStatusCode.OK);
        Assert.Equal(1, me["tier"]["tier"]!.GetValue<int>());
        Assert.Equal(0, me.Long("rollingSpendFen"));
    }

    [Fact]
    public async Task Daily_sign_in_earns_once_a_day_and_admin_routes_are_guarded()
    {
        var customer = await _world.NewCustomer();
        var first = (await customer.Api.Post("/api/me/loyalty/sign-in")).Is(HttpStatusCode.OK);
        Assert.Equal(5, first.Long("pointsEarned"));
        Assert.Equal(1, first.Long("streak"));
        (await customer.Api.Post("/api/me/loyalty/sign-in")).Is(HttpStatusCode.Conflict, "already_signed_in");
        var me = (await Membership(customer)).Is(HttpStatusCode.OK);
        Assert.True(me["signedInToday"].GetValue<bool>());
        Assert.Equal(5, me.Long("points"));

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Get("/api/admin/loyalty/reconciliation")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Post($"/api/admin/loyalty/members/{customer.UserId}/adjustments", new { points = 100, reason = "me" })).Status);
        var admin = await _world.Admin();
        (await admin.Post($"/api/admin/loyalty/members/{customer.UserId}/adjustments", new { points = 0, reason = "x" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post($"/api/admin/loyalty/members/{customer.UserId}/adjustments", new { points = 10 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/loyalty/members/nobody/adjustments", new { points = 10, reason = "x" })).Is(HttpStatusCode.NotFound, "member_not_found");
        Assert.Equal(5, (await Membership(customer)).Long("points"));
        var tiers = (await _world.Anonymous().Get("/api/loyalty/tiers")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal([0L, 100_000L, 500_000L, 2_000_000L], tiers.Select(t => t!["spendFen"]!.GetValue<long>()).ToArray());
    }
}

public sealed class LoyaltyTests_Sqlite(SqliteApp app) : LoyaltyTests(app), IClassFixture<SqliteApp>;

public sealed class LoyaltyTests_Postgres(PostgresApp app) : LoyaltyTests(app), IClassFixture<PostgresApp>;
