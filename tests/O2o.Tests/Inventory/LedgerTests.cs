using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Inventory;

public abstract class LedgerTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Every_movement_is_in_the_ledger_and_the_levels_are_its_sums()
    {
        var (store, product) = await _world.StockedStore(onHand: 10);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);

        var cancelled = (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created).Str("id");
        (await customer.Api.Post($"/api/orders/{cancelled}/cancel")).Is(HttpStatusCode.OK);
        var picked = (await World.PlaceOrder(customer.Api, store, product, 3)).Is(HttpStatusCode.Created).Str("id");
        await World.Pay(customer.Api, picked);
        var code = (await customer.Api.Get($"/api/orders/{picked}")).Str("pickupCode");
        (await staff.Post($"/api/stores/{store}/orders/{picked}/accept")).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/orders/{picked}/ready")).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/pickups", new { code })).Is(HttpStatusCode.OK);
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.Created);
        await _world.SetStock(store, product, 20);

        var ledger = (await staff.Get($"/api/stores/{store}/inventory/{product}/ledger")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["stock_count", "reserve", "release", "reserve", "sale", "counter_sale", "stock_count"], ledger.Select(e => e!["kind"]!.GetValue<string>()));
        var last = ledger[^1]!;
        Assert.Equal(20, last["onHandAfter"]!.GetValue<int>());
        Assert.Equal(14, last["onHandDelta"]!.GetValue<int>());
        Assert.Equal(20, ledger.Sum(e => e!["onHandDelta"]!.GetValue<int>()));
        Assert.Equal(0, ledger.Sum(e => e!["reservedDelta"]!.GetValue<int>()));
        Assert.Equal($"order:{picked}", ledger[4]!["reference"]!.GetValue<string>());

        // Page by page, oldest first, with the total in a header; bad paging is a validation error.
        var second = (await staff.Get($"/api/stores/{store}/inventory/{product}/ledger?page=2&pageSize=3")).Is(HttpStatusCode.OK);
        Assert.Equal("7", second.Response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["reserve", "sale", "counter_sale"], second.Json!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        (await staff.Get($"/api/stores/{store}/inventory/{product}/ledger?pageSize=0")).Is(HttpStatusCode.BadRequest, "validation_failed");

        var report = (await (await _world.Admin()).Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.OK);
        Assert.True(report["consistent"].GetValue<bool>(), report.Text);
        Assert.True(report.Long("checked") >= 1);
        (await staff.Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.Forbidden);
    }
}

public sealed class LedgerTests_Sqlite(SqliteApp app) : LedgerTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerTests_Postgres(PostgresApp app) : LedgerTests(app), IClassFixture<PostgresApp>;
