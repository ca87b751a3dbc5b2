using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Ordering;

/// <summary>
/// The price breakdown moved from rows of its own into a JSON column on the order. Orders placed before the move must read exactly as
/// they did: the migration is taken down (JSON back into rows) and up again (rows into JSON) under a priced order, which must not change.
/// </summary>
public abstract class BreakdownMigrationTests(AppFixture fixture)
{
    private const string Migration = "OrderBreakdownJson";
    private readonly World _world = new(fixture);

    [Fact]
    public async Task An_order_reads_the_same_after_its_breakdown_moves_to_rows_and_back()
    {
        var (store, product) = await _world.StockedStore(onHand: 20, priceFen: 2500);
        var admin = await _world.Admin();
        var window = new { startsAt = DateTimeOffset.UtcNow.AddMinutes(-1), endsAt = DateTimeOffset.UtcNow.AddHours(1), storeIds = new[] { store } };
        (await admin.Post("/api/admin/promotions", new
        {
            kind = "spend_save", name = "满50减8", nameEn = "8 off 50", window.startsAt, window.endsAt, window.storeIds,
            tiers = new[] { new { thresholdFen = 5000, amountFen = 800 } },
        })).Is(HttpStatusCode.Created);
        (await admin.Post("/api/admin/promotions", new
        {
            kind = "nth_item", name = "第二件半价", window.startsAt, window.endsAt, window.storeIds, productIds = new[] { product }, nthUnit = 2, percent = 50,
        })).Is(HttpStatusCode.Created);
        var customer = await _world.NewCustomer();
        var definition = (await admin.Post("/api/admin/coupons", new
        {
            kind = "fixed_off", name = "立减3元", window.startsAt, window.endsAt, window.storeIds, amountFen = 300,
        })).Is(HttpStatusCode.Created).Str("id");
        (await admin.Post($"/api/admin/promotions/{definition}/coupons", new { customerIds = new[] { customer.UserId } })).Is(HttpStatusCode.Created);

        var placed = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = product, quantity = 3 } },
        })).Is(HttpStatusCode.Created);
        var orderId = placed.Str("id");
        var before = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Json!;
        var adjustments = before["lines"]!.AsArray().Sum(l => l!["adjustments"]!.AsArray().Count);
        Assert.True(adjustments >= 3, before.ToJsonString());
        Assert.Single(before["couponIds"]!.AsArray());

        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_" + Migration, StringComparison.Ordinal)).Last();
            await db.Database.MigrateAsync(previous, TestContext.Current.CancellationToken);
            Assert.Equal(adjustments, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM ordering_order_discounts")
                .SingleAsync(TestContext.Current.CancellationToken));
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        var after = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK).Json!;
        Assert.True(JsonNode.DeepEquals(before, after), $"before {before.ToJsonString()}\nafter  {after.ToJsonString()}");
    }
}

public sealed class BreakdownMigrationTests_Sqlite(SqliteApp app) : BreakdownMigrationTests(app), IClassFixture<SqliteApp>;

public sealed class BreakdownMigrationTests_Postgres(PostgresApp app) : BreakdownMigrationTests(app), IClassFixture<PostgresApp>;
