using System.Net;
using O2o.Tests.Ordering;
using O2o.Tests.Support;

namespace O2o.Tests.Promotions;

/// <summary>An order left unpaid expires and gives back its coupon, its share of a budget and the customer's use of a promotion.</summary>
public abstract class PromotionExpiryTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task An_expired_order_gives_back_its_coupon_budget_and_per_customer_use()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 4000);
        var admin = await _world.Admin();
        var window = new { startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1) };
        var promotion = (await admin.Post("/api/admin/promotions", new
        {
            kind = "fixed_off", name = "限量立减", storeIds = new[] { store }, amountFen = 300, budgetUses = 1, perCustomerLimit = 1, window.startsAt, window.endsAt,
        })).Is(HttpStatusCode.Created).Str("id");
        var definition = (await admin.Post("/api/admin/coupons", new
        {
            kind = "percent_off", name = "9折券", storeIds = new[] { store }, percent = 10, window.startsAt, window.endsAt,
        })).Is(HttpStatusCode.Created).Str("id");
        var customer = await _world.NewCustomer();
        var coupon = (await admin.Post($"/api/admin/promotions/{definition}/coupons", new { customerIds = new[] { customer.UserId } }))
            .Is(HttpStatusCode.Created)["couponIds"].AsArray().Single()!.GetValue<string>();

        // 40.00 − 3.00 = 37.00, then 10% of that: 3.70.
        var order = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created);
        Assert.Equal(4000 - 300 - 370, order.Long("totalFen"));
        Assert.Equal(1, (await admin.Get($"/api/admin/promotions/{promotion}")).Long("uses"));

        var expired = await World.Eventually(() => customer.Api.Get($"/api/orders/{order.Str("id")}"), r => r.Str("status") == "cancelled", TimeSpan.FromSeconds(20));
        Assert.Equal("cancelled", expired.Str("status"));
        await World.Eventually(() => admin.Get($"/api/admin/promotions/{promotion}"), r => r.Long("uses") == 0);
        var wallet = await World.Eventually(() => customer.Api.Get("/api/me/coupons"), r => r.Json!.AsArray().Single()!["status"]!.GetValue<string>() == "available");
        Assert.Equal(coupon, wallet.Json!.AsArray().Single()!["id"]!.GetValue<string>());

        var again = (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Created);
        Assert.Equal(4000 - 300 - 370, again.Long("totalFen"));
    }
}

public sealed class PromotionExpiryTests_Sqlite(ShortTimeoutSqliteApp app) : PromotionExpiryTests(app), IClassFixture<ShortTimeoutSqliteApp>;

public sealed class PromotionExpiryTests_Postgres(ShortTimeoutPostgresApp app) : PromotionExpiryTests(app), IClassFixture<ShortTimeoutPostgresApp>;
