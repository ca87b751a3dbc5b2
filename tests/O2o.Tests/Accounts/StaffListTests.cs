using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Accounts;

/// <summary>Admins list staff accounts: a platform admin every one, a merchant admin only the merchant's, a page at a time.</summary>
public abstract class StaffListTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    private static string[] Emails(Reply reply) => [.. reply.Json!.AsArray().Select(s => s!["email"]!.GetValue<string>())];

    private static int Total(Reply reply) => int.Parse(reply.Response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_merchant_admin_sees_only_the_merchants_staff_and_a_platform_admin_sees_all()
    {
        var admin = await _world.Admin();
        var merchant = (await admin.Post("/api/admin/merchants", new { name = $"员工商户 {Guid.NewGuid():N}"[..12] })).Is(HttpStatusCode.Created).Str("id");
        var bossEmail = $"boss{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email = bossEmail, password = World.Password, displayName = "店长 Boss", role = "merchant_admin", merchantId = merchant }))
            .Is(HttpStatusCode.Created);
        var boss = await _world.Login(bossEmail, World.Password);
        var ownStore = (await boss.Post("/api/admin/stores", new { name = "员工商户 一号店", address = "上海市黄浦区", lat = World.Lat, lng = World.Lng, services = new[] { "pickup" } }))
            .Is(HttpStatusCode.Created).Str("id");
        var hiredByBoss = $"a{Guid.NewGuid():N}@test.o2o";
        (await boss.Post("/api/admin/staff", new { email = hiredByBoss, password = World.Password, displayName = "店员甲", storeIds = new[] { ownStore } })).Is(HttpStatusCode.Created);
        // Created by the platform admin without a merchant, but working at the merchant's store: the merchant's staff too.
        var hiredByPlatform = $"b{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email = hiredByPlatform, password = World.Password, displayName = "店员乙", storeIds = new[] { ownStore } })).Is(HttpStatusCode.Created);
        var otherStore = await _world.NewStore();
        var elsewhere = $"c{Guid.NewGuid():N}@test.o2o";
        (await admin.Post("/api/admin/staff", new { email = elsewhere, password = World.Password, displayName = "别家店员", storeIds = new[] { otherStore } })).Is(HttpStatusCode.Created);

        var mine = (await boss.Get("/api/admin/staff")).Is(HttpStatusCode.OK);
        Assert.Equal(new[] { hiredByBoss, hiredByPlatform, bossEmail }.Order(StringComparer.Ordinal), Emails(mine));
        Assert.Equal(3, Total(mine));
        var clerk = mine.Json!.AsArray().Single(s => s!["email"]!.GetValue<string>() == hiredByBoss)!;
        Assert.Equal(["store_staff"], clerk["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal([ownStore], clerk["storeIds"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("店员甲", clerk["displayName"]!.GetValue<string>());
        var bossView = mine.Json!.AsArray().Single(s => s!["email"]!.GetValue<string>() == bossEmail)!;
        Assert.Equal(["merchant_admin"], bossView["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(merchant, bossView["merchantId"]!.GetValue<string>());

        var first = (await boss.Get("/api/admin/staff?page=1&pageSize=2")).Is(HttpStatusCode.OK);
        var second = (await boss.Get("/api/admin/staff?page=2&pageSize=2")).Is(HttpStatusCode.OK);
        Assert.Equal(Emails(mine), Emails(first).Concat(Emails(second)));
        Assert.Equal(3, Total(second));

        var all = (await admin.Get("/api/admin/staff?pageSize=200")).Is(HttpStatusCode.OK);
        Assert.Superset(new HashSet<string> { bossEmail, hiredByBoss, hiredByPlatform, elsewhere }, Emails(all).ToHashSet());
        Assert.DoesNotContain(O2oApp.AdminEmail, Emails(all));
        Assert.All(all.Json!.AsArray(), s => Assert.Contains(s!["roles"]!.AsArray().Select(r => r!.GetValue<string>()), r => r is "store_staff" or "merchant_admin"));
        Assert.Equal(Total(all), all.Json!.AsArray().Count);
    }

    [Fact]
    public async Task Customers_and_strangers_may_not_list_staff_and_pages_are_validated()
    {
        var customer = await _world.NewCustomer();
        await _world.NewStaff(await _world.NewStore());
        (await customer.Api.Get("/api/admin/staff")).Is(HttpStatusCode.Forbidden);
        (await _world.Anonymous().Get("/api/admin/staff")).Is(HttpStatusCode.Unauthorized);
        var admin = await _world.Admin();
        (await admin.Get("/api/admin/staff?pageSize=0")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Get("/api/admin/staff?page=0")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Get("/api/admin/staff?pageSize=201")).Is(HttpStatusCode.BadRequest, "validation_failed");
        Assert.DoesNotContain(Emails((await admin.Get("/api/admin/staff?pageSize=200")).Is(HttpStatusCode.OK)), e => e == customer.Email);
    }
}

public sealed class StaffListTests_Sqlite(SqliteApp app) : StaffListTests(app), IClassFixture<SqliteApp>;

public sealed class StaffListTests_Postgres(PostgresApp app) : StaffListTests(app), IClassFixture<PostgresApp>;
