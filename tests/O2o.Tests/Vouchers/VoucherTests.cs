using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Vouchers;
using O2o.Tests.Support;

namespace O2o.Tests.Vouchers;

/// <summary>Vouchers (团购券): bought online, issued on payment, redeemed at the counter, refunded when unused or expired.</summary>
public abstract class VoucherTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    private async Task<string> Offer(long priceFen, int uses, string[] storeIds, int validDays = 30, int? perCustomerLimit = null)
    {
        var admin = await _world.Admin();
        var product = (await admin.Post("/api/admin/products", new
        {
            sku = $"V-{Guid.NewGuid():N}"[..20], name = "鲜榨橙汁三杯套餐券", nameEn = "Orange juice, 3 cups", priceFen, kind = "voucher",
        })).Is(HttpStatusCode.Created);
        Assert.Equal("voucher", product.Str("kind"));
        (await admin.Put($"/api/admin/products/{product.Str("id")}/voucher-terms",
            new { uses, faceValueFen = priceFen + 1500, storeIds, validDays, perCustomerLimit })).Is(HttpStatusCode.OK);
        return product.Str("id");
    }

    private static async Task<(string OrderId, JsonArray Vouchers)> Buy(Customer customer, string product, string store, int quantity)
    {
        var order = (await customer.Api.Post("/api/vouchers/purchases", new { productId = product, quantity, storeId = store })).Is(HttpStatusCode.Created);
        Assert.Equal("pending_payment", order.Str("status"));
        await World.Pay(customer.Api, order.Str("id"));
        Assert.Equal("completed", (await customer.Api.Get($"/api/orders/{order.Str("id")}")).Is(HttpStatusCode.OK).Str("status"));
        var mine = await World.Eventually(() => customer.Api.Get("/api/vouchers"),
            r => r.Json!.AsArray().Count(v => v!["orderId"]!.GetValue<string>() == order.Str("id")) == quantity);
        return (order.Str("id"), new JsonArray(mine.Json!.AsArray().Where(v => v!["orderId"]!.GetValue<string>() == order.Str("id")).Select(v => v!.DeepClone()).ToArray()));
    }

    private static Task<Reply> Redeem(Api staff, string store, string code, int? uses = null) =>
        staff.Post($"/api/stores/{store}/voucher-redemptions", new { code, uses });

    private async Task<JsonArray> Refunds(string orderId) =>
        (await World.Eventually(async () => await (await _world.Admin()).Get($"/api/admin/orders/{orderId}/payments"),
            r => r["refunds"].AsArray().Count > 0, TimeSpan.FromSeconds(30))).Is(HttpStatusCode.OK)["refunds"].AsArray();

    [Fact]
    public async Task A_voucher_is_redeemed_use_by_use_at_its_stores_and_what_is_left_is_refunded()
    {
        var (storeA, storeB, elsewhere) = (await _world.NewStore(), await _world.NewStore(), await _world.NewStore());
        var product = await Offer(3900, uses: 3, [storeA, storeB]);
        var offers = (await _world.Anonymous().Get($"/api/voucher-offers?storeId={storeB}")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Contains(offers, o => o!["productId"]!.GetValue<string>() == product && o["uses"]!.GetValue<int>() == 3);
        Assert.DoesNotContain((await _world.Anonymous().Get($"/api/voucher-offers?storeId={elsewhere}")).Json!.AsArray(),
            o => o!["productId"]!.GetValue<string>() == product);

        var customer = await _world.NewCustomer();
        var (orderId, vouchers) = await Buy(customer, product, storeA, 1);
        var voucher = vouchers.Single()!;
        var code = voucher["code"]!.GetValue<string>();
        Assert.Matches("^[0-9]{12}$", code);
        Assert.Equal($"o2o:voucher:{code}", voucher["qrPayload"]!.GetValue<string>());
        Assert.Equal(3, voucher["remainingUses"]!.GetValue<int>());

        var (staffA, staffB, staffElsewhere) = (await _world.NewStaff(storeA), await _world.NewStaff(storeB), await _world.NewStaff(elsewhere));
        Assert.Equal(2, (await Redeem(staffA, storeA, code)).Is(HttpStatusCode.OK).Long("remainingUses"));
        Assert.Equal(1, (await Redeem(staffB, storeB, $"o2o:voucher:{code}")).Is(HttpStatusCode.OK).Long("remainingUses"));
        (await Redeem(staffElsewhere, elsewhere, code)).Is(HttpStatusCode.UnprocessableEntity, "voucher_not_valid_here");
        (await Redeem(staffA, storeB, code)).Is(HttpStatusCode.NotFound, "store_not_found");
        (await Redeem(staffA, storeA, code, uses: 2)).Is(HttpStatusCode.Conflict, "voucher_used_up");

        var refunded = (await customer.Api.Post($"/api/vouchers/{voucher["id"]}/refund")).Is(HttpStatusCode.OK);
        Assert.Equal("refunded", refunded.Str("status"));
        Assert.Equal(1300, refunded.Long("refundedFen"));
        Assert.Equal(2, refunded["redemptions"].AsArray().Count);
        Assert.Equal(1300, (await Refunds(orderId)).Single()!["amountFen"]!.GetValue<long>());
        (await Redeem(staffA, storeA, code)).Is(HttpStatusCode.Conflict, "voucher_closed");
        (await customer.Api.Post($"/api/vouchers/{voucher["id"]}/refund")).Is(HttpStatusCode.Conflict, "voucher_not_refundable");

        var atA = (await staffA.Get($"/api/stores/{storeA}/voucher-redemptions")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(code, atA.Single()!["code"]!.GetValue<string>());
        Assert.Equal(1, atA.Single()!["uses"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unused_voucher_is_refunded_in_full_and_an_expired_one_automatically()
    {
        var store = await _world.NewStore();
        var product = await Offer(8800, uses: 1, [store], validDays: 90);
        var customer = await _world.NewCustomer();
        var (orderId, vouchers) = await Buy(customer, product, store, 2);
        Assert.Equal(2, vouchers.Count);

        var first = (await customer.Api.Post($"/api/vouchers/{vouchers[0]!["id"]}/refund")).Is(HttpStatusCode.OK);
        Assert.Equal(8800, first.Long("refundedFen"));

        using (var scope = _world.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<VoucherExpiry>().ExpireDueAsync(DateTimeOffset.UtcNow.AddDays(91), CancellationToken.None) >= 1);
        var second = (await customer.Api.Get($"/api/vouchers/{vouchers[1]!["id"]}")).Is(HttpStatusCode.OK);
        Assert.Equal("expired", second.Str("status"));
        Assert.Equal(8800, second.Long("refundedFen"));
        // Two refunds through the outbox, one after the other: on a loaded machine this can take longer than most reactions. The view
        // reads the payment and its refunds one after the other, so it may catch the second refund between the two reads: wait for both.
        var refunds = await World.Eventually(async () => await (await _world.Admin()).Get($"/api/admin/orders/{orderId}/payments"),
            r => r["refunds"].AsArray().Count == 2 && r["payments"]![0]!["refundedFen"]!.GetValue<long>() == 17600, TimeSpan.FromSeconds(30));
        Assert.Equal(2, refunds["refunds"].AsArray().Count);
        Assert.Equal(17600, refunds["payments"]![0]!["refundedFen"]!.GetValue<long>());
        (await Redeem(await _world.NewStaff(store), store, second.Str("code"))).Is(HttpStatusCode.Conflict, "voucher_closed");
    }

    [Fact]
    public async Task The_last_use_is_redeemed_once_when_tills_race_for_it()
    {
        var store = await _world.NewStore();
        var product = await Offer(1000, uses: 1, [store]);
        var (_, vouchers) = await Buy(await _world.NewCustomer(), product, store, 1);
        var code = vouchers.Single()!["code"]!.GetValue<string>();
        var tills = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _world.NewStaff(store)));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Redeem(tills[i % 3], store, code)));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.Is(HttpStatusCode.Conflict, "voucher_used_up"));
    }

    [Fact]
    public async Task Bad_requests_and_other_peoples_vouchers_get_clear_answers_and_change_nothing()
    {
        var (store, elsewhere) = (await _world.NewStore(), await _world.NewStore());
        var admin = await _world.Admin();
        var goods = await _world.NewProduct();
        (await admin.Put($"/api/admin/products/{goods}/voucher-terms", new { uses = 1, faceValueFen = 100, storeIds = new[] { store }, validDays = 5 }))
            .Is(HttpStatusCode.UnprocessableEntity, "not_a_voucher_product");
        var product = await Offer(2000, uses: 1, [store], perCustomerLimit: 1);
        (await admin.Put($"/api/admin/products/{product}/voucher-terms", new { uses = 0, faceValueFen = 100, storeIds = Array.Empty<string>() }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");

        var customer = await _world.NewCustomer();
        (await customer.Api.Post("/api/vouchers/purchases", new { productId = product, quantity = 1, storeId = elsewhere }))
            .Is(HttpStatusCode.UnprocessableEntity, "voucher_not_valid_here");
        (await customer.Api.Post("/api/vouchers/purchases", new { productId = product, quantity = 2, storeId = store }))
            .Is(HttpStatusCode.Conflict, "voucher_limit_exceeded");
        (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.UnprocessableEntity, "wrong_product_kind");
        (await customer.Api.Get("/api/orders")).Is(HttpStatusCode.OK);
        Assert.Empty((await customer.Api.Get("/api/orders")).Json!.AsArray());

        var (_, vouchers) = await Buy(customer, product, store, 1);
        var stranger = await _world.NewCustomer();
        (await stranger.Api.Get($"/api/vouchers/{vouchers[0]!["id"]}")).Is(HttpStatusCode.NotFound, "voucher_not_found");
        (await stranger.Api.Post($"/api/vouchers/{vouchers[0]!["id"]}/refund")).Is(HttpStatusCode.NotFound, "voucher_not_found");
        (await customer.Api.Post($"/api/stores/{store}/voucher-redemptions", new { code = vouchers[0]!["code"] })).Is(HttpStatusCode.Forbidden);

        // Codes are not to be guessed: ten wrong ones at a store and it must wait, even for a right one.
        var staff = await _world.NewStaff(store);
        (await Redeem(staff, store, "12345")).Is(HttpStatusCode.BadRequest, "validation_failed");
        for (var i = 0; i < 10; i++)
            (await Redeem(staff, store, $"{i:D2}0000000000")).Is(HttpStatusCode.NotFound, "voucher_not_found");
        var blocked = (await Redeem(staff, store, vouchers[0]!["code"]!.GetValue<string>())).Is(HttpStatusCode.TooManyRequests, "too_many_voucher_attempts");
        Assert.True(blocked.Response.Headers.RetryAfter is not null);
        Assert.Equal(1, (await customer.Api.Get($"/api/vouchers/{vouchers[0]!["id"]}")).Long("remainingUses"));
    }
}

public sealed class VoucherTests_Sqlite(SqliteApp app) : VoucherTests(app), IClassFixture<SqliteApp>;

public sealed class VoucherTests_Postgres(PostgresApp app) : VoucherTests(app), IClassFixture<PostgresApp>;
