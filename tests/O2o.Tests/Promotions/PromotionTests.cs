using System.Net;
using System.Text.Json.Nodes;
using O2o.Tests.Support;

namespace O2o.Tests.Promotions;

/// <summary>Promotions and coupons through the API: admin rules, the wallet, quotes, orders with their breakdown, and races.</summary>
public abstract class PromotionTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    /// <summary>A promotion (or coupon definition) running from a minute ago for an hour, at one store.</summary>
    private async Task<Reply> Define(string route, string store, string kind, object terms, TimeSpan? endsIn = null)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(terms))!.AsObject();
        body["kind"] = kind;
        body["name"] ??= $"{kind} 测试";
        body["storeIds"] = new JsonArray(store);
        body["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(-1);
        body["endsAt"] = DateTimeOffset.UtcNow + (endsIn ?? TimeSpan.FromHours(1));
        return await (await _world.Admin()).Post($"/api/admin/{route}", new RawJson(body.ToJsonString()));
    }

    private async Task<string> Promotion(string store, string kind, object terms) =>
        (await Define("promotions", store, kind, terms)).Is(HttpStatusCode.Created).Str("id");

    private async Task<string> IssuedCoupon(string store, Customer customer, string kind, object terms, TimeSpan? endsIn = null)
    {
        var definition = (await Define("coupons", store, kind, terms, endsIn)).Is(HttpStatusCode.Created).Str("id");
        var issued = (await (await _world.Admin()).Post($"/api/admin/promotions/{definition}/coupons", new { customerIds = new[] { customer.UserId } }))
            .Is(HttpStatusCode.Created);
        return issued["couponIds"].AsArray().Single()!.GetValue<string>();
    }

    private static Task<Reply> Order(Api customer, string store, string product, int quantity, string[]? couponIds = null) =>
        customer.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity } }, couponIds });

    [Fact]
    public async Task Contradicting_or_invalid_rules_are_refused_with_a_stable_code_and_nothing_is_written()
    {
        var (store, product) = await _world.StockedStore(priceFen: 1000);
        var admin = await _world.Admin();
        var before = (await admin.Get("/api/admin/promotions")).Is(HttpStatusCode.OK).Json!.AsArray().Count;

        (await Define("promotions", store, "spend_save", new { tiers = new[] { new { thresholdFen = 10000, amountFen = 2000 }, new { thresholdFen = 5000, amountFen = 3000 } } }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "spend_save", new { tiers = new[] { new { thresholdFen = 10000, amountFen = 12000 } } }))
            .Is(HttpStatusCode.BadRequest, "promotion_rules_contradict");
        (await Define("promotions", store, "percent_off", new { percent = 100 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "percent_off", new { percent = 0 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "fixed_off", new { amountFen = -5 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "percent_off", new { percent = 10, tiers = new[] { new { thresholdFen = 100, amountFen = 10 } } }))
            .Is(HttpStatusCode.BadRequest, "promotion_rules_contradict");
        (await Define("promotions", store, "member_price", new { productIds = new[] { product }, priceFen = 1500 })).Is(HttpStatusCode.BadRequest, "promotion_rules_contradict");
        (await Define("coupons", store, "nth_item", new { nthUnit = 2, percent = 50 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "fixed_off", new { amountFen = 100 }, endsIn: TimeSpan.FromMinutes(-5))).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await Define("promotions", store, "member_price", new { productIds = new[] { Guid.NewGuid().ToString() }, priceFen = 500 })).Is(HttpStatusCode.NotFound, "product_not_found");
        var customer = await _world.NewCustomer();
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Post("/api/admin/promotions", new { kind = "fixed_off" })).Status);

        Assert.Equal(before, (await admin.Get("/api/admin/promotions")).Json!.AsArray().Count);
    }

    [Fact]
    public async Task The_quote_and_the_order_explain_every_fen_and_agree()
    {
        var (store, product) = await _world.StockedStore(onHand: 50, priceFen: 3333);
        var spendSave = await Promotion(store, "spend_save", new { name = "满100减20", tiers = new[] { new { thresholdFen = 10000, amountFen = 2000 } } });
        await Promotion(store, "nth_item", new { name = "第二件半价", productIds = new[] { product }, nthUnit = 2, percent = 50 });
        var customer = await _world.NewCustomer();

        var quote = (await customer.Api.Post("/api/cart/price", new
        {
            fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity = 4 } },
        })).Is(HttpStatusCode.OK);
        // 4 × 33.33 = 133.32; two units half price (16.66 each, rounded down) = 33.32 off; 100.00 reached: 20.00 off.
        Assert.Equal(13332, quote.Long("subtotalFen"));
        Assert.Equal(3332 + 2000, quote.Long("discountFen"));
        Assert.Equal(13332 - 5332, quote.Long("totalFen"));
        var line = quote["lines"].AsArray().Single()!;
        Assert.Equal(["第二件半价", "满100减20"], line["adjustments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToArray());

        var order = (await Order(customer.Api, store, product, 4)).Is(HttpStatusCode.Created);
        Assert.Equal(quote.Long("totalFen"), order.Long("totalFen"));
        Assert.Equal(quote.Long("discountFen"), order.Long("discountFen"));
        var again = (await customer.Api.Get($"/api/orders/{order.Str("id")}")).Is(HttpStatusCode.OK);
        var adjustments = again["lines"].AsArray().Single()!["adjustments"]!.AsArray();
        Assert.Equal(5332, adjustments.Sum(a => a!["amountFen"]!.GetValue<long>()));
        Assert.Equal(["第二件半价", "满100减20"], adjustments.Select(a => a!["name"]!.GetValue<string>()).ToArray());
        Assert.Contains(adjustments, a => a!["promotionId"]!.GetValue<string>() == spendSave && a["amountFen"]!.GetValue<long>() == 2000);
    }

    [Fact]
    public async Task A_coupon_is_used_once_refused_to_others_and_returned_when_its_order_is_cancelled()
    {
        var (store, product) = await _world.StockedStore(onHand: 50, priceFen: 5000);
        var owner = await _world.NewCustomer();
        var other = await _world.NewCustomer();
        var coupon = await IssuedCoupon(store, owner, "fixed_off", new { name = "满50减10", minSpendFen = 5000, amountFen = 1000 });

        var wallet = (await owner.Api.Get("/api/me/coupons")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal("available", wallet.Single(c => c!["id"]!.GetValue<string>() == coupon)!["status"]!.GetValue<string>());
        (await Order(other.Api, store, product, 1, [coupon])).Is(HttpStatusCode.NotFound, "coupon_not_found");

        var first = (await Order(owner.Api, store, product, 1, [coupon])).Is(HttpStatusCode.Created);
        Assert.Equal(4000, first.Long("totalFen"));
        Assert.Equal([coupon], first["couponIds"].AsArray().Select(c => c!.GetValue<string>()).ToArray());
        (await Order(owner.Api, store, product, 1, [coupon])).Is(HttpStatusCode.Conflict, "coupon_already_used");
        Assert.Equal(5000, (await Order(owner.Api, store, product, 1)).Is(HttpStatusCode.Created).Long("totalFen"));

        (await owner.Api.Post($"/api/orders/{first.Str("id")}/cancel")).Is(HttpStatusCode.OK);
        var back = await World.Eventually(() => owner.Api.Get("/api/me/coupons"),
            r => r.Json!.AsArray().Single(c => c!["id"]!.GetValue<string>() == coupon)!["status"]!.GetValue<string>() == "available");
        Assert.Equal("available", back.Json!.AsArray().Single(c => c!["id"]!.GetValue<string>() == coupon)!["status"]!.GetValue<string>());
        Assert.Equal(4000, (await Order(owner.Api, store, product, 1)).Is(HttpStatusCode.Created).Long("totalFen"));
    }

    [Fact]
    public async Task An_expired_or_inapplicable_coupon_is_refused_and_nothing_is_reserved()
    {
        var (store, product) = await _world.StockedStore(onHand: 5, priceFen: 2000);
        var customer = await _world.NewCustomer();
        var expiring = await IssuedCoupon(store, customer, "fixed_off", new { amountFen = 500 }, endsIn: TimeSpan.FromSeconds(2));
        var tooBig = await IssuedCoupon(store, customer, "fixed_off", new { minSpendFen = 10000, amountFen = 1000 });

        (await Order(customer.Api, store, product, 1, [tooBig])).Is(HttpStatusCode.UnprocessableEntity, "coupon_not_applicable");
        await Task.Delay(2500);
        (await Order(customer.Api, store, product, 1, [expiring])).Is(HttpStatusCode.Conflict, "coupon_expired");
        Assert.Equal(5, await _world.Available(store, product));
        var wallet = (await customer.Api.Get("/api/me/coupons")).Json!.AsArray();
        Assert.Equal("expired", wallet.Single(c => c!["id"]!.GetValue<string>() == expiring)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_checkouts_with_one_single_use_coupon_use_it_exactly_once()
    {
        var (store, product) = await _world.StockedStore(onHand: 100, priceFen: 3000);
        var customer = await _world.NewCustomer();
        var coupon = await IssuedCoupon(store, customer, "fixed_off", new { amountFen = 1000 });

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Order(customer.Api, store, product, 1, [coupon])));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Is(HttpStatusCode.Conflict, "coupon_already_used"));
        Assert.Equal(99, await _world.Available(store, product));
    }

    [Fact]
    public async Task A_budget_is_never_exceeded_when_checkouts_race()
    {
        var (store, product) = await _world.StockedStore(onHand: 100, priceFen: 3000);
        var promotion = await Promotion(store, "fixed_off", new { amountFen = 700, budgetFen = 2100 });
        var customers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _world.NewCustomer()));

        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Order(customers[i % 8].Api, store, product, 1)));

        var placed = replies.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Is(HttpStatusCode.Conflict, "promotion_budget_exhausted"));
        var discounted = placed.Count(r => r.Long("discountFen") == 700);
        Assert.Equal(3, discounted);
        var state = (await (await _world.Admin()).Get($"/api/admin/promotions/{promotion}")).Is(HttpStatusCode.OK);
        Assert.Equal(2100, state.Long("spentFen"));
        Assert.Equal("exhausted", state.Str("status"));
    }

    [Fact]
    public async Task Customers_claim_coupons_and_redeem_codes_within_their_limit()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 1000);
        var claimable = (await Define("coupons", store, "free_delivery", new { name = "免运费券", claimable = true })).Is(HttpStatusCode.Created).Str("id");
        var code = $"WELCOME{Guid.NewGuid():N}"[..16];
        (await Define("coupons", store, "percent_off", new { name = "9折券", percent = 10, capFen = 500, code })).Is(HttpStatusCode.Created);
        var customer = await _world.NewCustomer();

        Assert.Contains((await customer.Api.Get("/api/coupons/claimable")).Is(HttpStatusCode.OK).Json!.AsArray(), o => o!["promotionId"]!.GetValue<string>() == claimable);
        (await customer.Api.Post($"/api/coupons/{claimable}/claim")).Is(HttpStatusCode.Created);
        (await customer.Api.Post($"/api/coupons/{claimable}/claim")).Is(HttpStatusCode.Conflict, "coupon_limit_reached");
        var redeemed = (await customer.Api.Post("/api/coupons/redeem", new { code = code.ToLowerInvariant() })).Is(HttpStatusCode.Created);
        (await customer.Api.Post("/api/coupons/redeem", new { code = "NO-SUCH-CODE" })).Is(HttpStatusCode.NotFound, "coupon_code_not_found");
        Assert.Equal(2, (await customer.Api.Get("/api/me/coupons")).Json!.AsArray().Count);

        // Pickup has no delivery fee, so the engine uses the 10% coupon only and leaves the free-delivery coupon in the wallet.
        var order = (await Order(customer.Api, store, product, 2)).Is(HttpStatusCode.Created);
        Assert.Equal(1800, order.Long("totalFen"));
        Assert.Equal([redeemed.Str("id")], order["couponIds"].AsArray().Select(c => c!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task The_counter_prices_through_the_same_engine_on_its_own_channel()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 1000);
        await Promotion(store, "percent_off", new { name = "柜台九折", percent = 10, channels = new[] { "counter" } });
        var staff = await _world.NewStaff(store);

        var sale = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 3 } } })).Is(HttpStatusCode.Created);
        Assert.Equal(2700, sale.Long("totalFen"));
        Assert.Equal(300, sale.Long("discountFen"));
        var returned = (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId = sale.Str("id"), lines = new[] { new { productId = product, quantity = 1 } } }))
            .Is(HttpStatusCode.Created);
        Assert.Equal(900, returned.Long("refundFen"));

        var online = (await Order((await _world.NewCustomer()).Api, store, product, 3)).Is(HttpStatusCode.Created);
        Assert.Equal(3000, online.Long("totalFen"));
    }
}

public sealed class PromotionTests_Sqlite(SqliteApp app) : PromotionTests(app), IClassFixture<SqliteApp>;

public sealed class PromotionTests_Postgres(PostgresApp app) : PromotionTests(app), IClassFixture<PostgresApp>;
