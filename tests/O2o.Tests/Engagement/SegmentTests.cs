using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Engagement;

/// <summary>Segments through the API: membership from profiles and paid orders, sizes, incremental moves, bad rules, and pricing by segment.</summary>
public abstract class SegmentTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);
    private EngagementWorld People => new(_world);

    [Fact]
    public async Task Customers_fall_into_the_segments_their_profile_and_orders_match_and_new_orders_move_them_incrementally()
    {
        var (store, product) = await _world.StockedStore(onHand: 50, priceFen: 5000);
        var city = EngagementWorld.NewCity();
        var youngWoman = await People.Customer(city, "female", "2000-05-01");
        var man = await People.Customer(city, "male", "1978-03-15");
        var sleeper = await People.Customer(city, "female", "1990-01-20");
        await EngagementWorld.PaidOrder(youngWoman, store, product);
        await EngagementWorld.PaidOrder(youngWoman, store, product);
        await EngagementWorld.PaidOrder(man, store, product);
        await People.AwaitPreview(new { cities = new[] { city } }, 3);
        await People.AwaitPreview(new { favouriteStoreIds = new[] { store } }, 2);
        await People.AwaitPreview(new { cities = new[] { city }, minOrders = 2 }, 1);

        var women = (await People.Segment("女性", new { cities = new[] { city }, genders = new[] { "female" } })).Is(HttpStatusCode.Created);
        var frequent = (await People.Segment("常客", new { cities = new[] { city }, minOrders = 2 })).Is(HttpStatusCode.Created);
        var regulars = (await People.Segment("本店常客", new { favouriteStoreIds = new[] { store } })).Is(HttpStatusCode.Created);
        var lapsed = (await People.Segment("沉睡", new { cities = new[] { city }, inactiveDays = 30 })).Is(HttpStatusCode.Created);
        var ages = (await People.Segment("25-34 或 45-54", new { cities = new[] { city }, ageBands = new[] { "25-34", "45-54" } })).Is(HttpStatusCode.Created);
        var spenders = (await People.Segment("高消费", new { cities = new[] { city }, minSpendFen = 10000, recencyDays = 7 })).Is(HttpStatusCode.Created);
        Assert.Equal([2, 1, 2, 1, 2, 1], new[] { women, frequent, regulars, lapsed, ages, spenders }.Select(s => (int)s.Long("size")));

        var listed = (await (await _world.Admin()).Get("/api/admin/segments")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(2, listed.Single(s => s!["id"]!.GetValue<string>() == women.Str("id"))!["size"]!.GetValue<int>());
        var members = (await (await _world.Admin()).Get($"/api/admin/segments/{frequent.Str("id")}/members?page=1")).Is(HttpStatusCode.OK);
        Assert.Equal(youngWoman.UserId, members.Json!.AsArray().Single()!["customerId"]!.GetValue<string>());
        Assert.Equal(2, members.Json!.AsArray().Single()!["orders365"]!.GetValue<int>());

        var admin = await _world.Admin();
        // A second paid order makes the man frequent; the sleeper's first order wakes her: only they are re-evaluated, at once.
        await EngagementWorld.PaidOrder(man, store, product);
        await EngagementWorld.PaidOrder(sleeper, store, product);
        await World.Eventually(() => admin.Get($"/api/admin/segments/{frequent.Str("id")}"),
            r => r.Json?["size"]?.GetValue<int>() == 2);
        Assert.Equal(2, await People.SegmentSize(frequent.Str("id")));
        await World.Eventually(() => admin.Get($"/api/admin/segments/{lapsed.Str("id")}"),
            r => r.Json?["size"]?.GetValue<int>() == 0);
        Assert.Equal(0, await People.SegmentSize(lapsed.Str("id")));
        Assert.Equal(3, await People.SegmentSize(regulars.Str("id")));

        // A profile change moves the customer too.
        (await sleeper.Api.Put("/api/me/profile", new { city, gender = "male", birthDate = "1990-01-20" })).Is(HttpStatusCode.OK);
        await World.Eventually(() => admin.Get($"/api/admin/segments/{women.Str("id")}"),
            r => r.Json?["size"]?.GetValue<int>() == 1);
        Assert.Equal(1, await People.SegmentSize(women.Str("id")));
        var me = (await sleeper.Api.Get("/api/me")).Is(HttpStatusCode.OK);
        Assert.Equal(("male", city, "1990-01-20"), (me.Str("gender"), me.Str("city"), me.Str("birthDate")));
    }

    [Fact]
    public async Task Bad_rules_and_profiles_are_refused_with_a_stable_code_and_nothing_is_written()
    {
        var admin = await _world.Admin();
        var before = (await admin.Get("/api/admin/segments")).Is(HttpStatusCode.OK).Json!.AsArray().Count;

        (await People.Segment("空", new { })).Is(HttpStatusCode.BadRequest, "segment_rule_empty");
        (await admin.Post("/api/admin/segments", new { name = "无规则" })).Is(HttpStatusCode.BadRequest, "segment_rule_empty");
        (await People.Segment("矛盾", new { minOrders = 5, maxOrders = 2 })).Is(HttpStatusCode.BadRequest, "segment_rule_contradicts");
        (await People.Segment("矛盾", new { recencyDays = 7, inactiveDays = 30 })).Is(HttpStatusCode.BadRequest, "segment_rule_contradicts");
        (await People.Segment("年龄", new { ageBands = new[] { "20-30" } })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await People.Segment("等级", new { tiers = new[] { 7 } })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await People.Segment("", new { genders = new[] { "female" } })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/segments/preview", new { rule = new { minOrders = 3, maxOrders = 1 } })).Is(HttpStatusCode.BadRequest, "segment_rule_contradicts");
        (await admin.Get($"/api/admin/segments/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "segment_not_found");
        (await admin.Put($"/api/admin/segments/{Guid.NewGuid()}", new { name = "x", rule = new { genders = new[] { "female" } } })).Is(HttpStatusCode.NotFound, "segment_not_found");

        var customer = await People.Customer(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Get("/api/admin/segments")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Api.Post("/api/admin/segments", new { name = "x", rule = new { genders = new[] { "female" } } })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.Anonymous().Get("/api/admin/segments")).Status);
        Assert.Equal(before, (await admin.Get("/api/admin/segments")).Json!.AsArray().Count);

        (await customer.Api.Put("/api/me/profile", new { birthDate = "2999-01-01" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Put("/api/me/profile", new { birthDate = "1899-12-31" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Put("/api/me/profile", new { gender = "robot" })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await customer.Api.Put("/api/me/profile", new { city = new string('长', 41) })).Is(HttpStatusCode.BadRequest, "validation_failed");
        var me = (await customer.Api.Get("/api/me")).Is(HttpStatusCode.OK);
        Assert.Null(me.Json!["birthDate"]?.GetValue<string>());
        Assert.Null(me.Json!["gender"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_promotion_scoped_to_a_segment_applies_to_its_members_only()
    {
        var (store, product) = await _world.StockedStore(onHand: 20, priceFen: 3000);
        var city = EngagementWorld.NewCity();
        var member = await People.Customer(city, "female", "1995-06-01");
        var outsider = await People.Customer(EngagementWorld.NewCity());
        await People.AwaitPreview(new { cities = new[] { city } }, 1);
        var segment = (await People.Segment("会员专享", new { cities = new[] { city } })).Is(HttpStatusCode.Created).Str("id");
        (await (await _world.Admin()).Post("/api/admin/promotions", new
        {
            kind = "fixed_off", name = "分群立减5元", amountFen = 500, storeIds = new[] { store }, segmentIds = new[] { segment },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.Created);

        (await (await _world.Admin()).Post("/api/admin/promotions", new
        {
            kind = "fixed_off", name = "不存在的分群", amountFen = 500, storeIds = new[] { store }, segmentIds = new[] { Guid.NewGuid().ToString() },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1),
        })).Is(HttpStatusCode.NotFound, "segment_not_found");

        var cart = new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity = 1 } } };
        Assert.Equal(500, (await member.Api.Post("/api/cart/price", cart)).Is(HttpStatusCode.OK).Long("discountFen"));
        Assert.Equal(0, (await outsider.Api.Post("/api/cart/price", cart)).Is(HttpStatusCode.OK).Long("discountFen"));
    }
}

public sealed class SegmentTests_Sqlite(SqliteApp app) : SegmentTests(app), IClassFixture<SqliteApp>;

public sealed class SegmentTests_Postgres(PostgresApp app) : SegmentTests(app), IClassFixture<PostgresApp>;
