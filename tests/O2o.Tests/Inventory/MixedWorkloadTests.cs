using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Inventory;

/// <summary>Every channel at once on the same shelf: the ledger still adds up and nothing is sold twice.</summary>
public abstract class MixedWorkloadTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Counter_sales_racing_online_orders_never_sell_more_than_the_shelf_holds()
    {
        var (store, product) = await _world.StockedStore(onHand: 20);
        var staff = await _world.NewStaff(store);
        var customers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _world.NewCustomer()));

        var online = Enumerable.Range(0, 20).Select(i => World.PlaceOrder(customers[i % 4].Api, store, product, 1));
        var counter = Enumerable.Range(0, 20).Select(_ => staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } }));
        var replies = await Task.WhenAll(online.Concat(counter));

        Assert.Equal(20, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.Is(HttpStatusCode.Conflict, "insufficient_stock"));
        var stock = (await staff.Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
        var reservedOnline = replies.Take(20).Count(r => r.Status == HttpStatusCode.Created);
        var soldAtCounter = replies.Skip(20).Count(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(20 - soldAtCounter, stock.Long("onHand"));
        Assert.Equal(reservedOnline, stock.Long("reserved"));
        Assert.Equal(0, stock.Long("available"));
    }

    [Fact]
    public async Task The_ledger_reconciles_after_a_random_mix_of_everything()
    {
        var random = new Random(20261128);
        var storeA = await _world.NewStore();
        var storeB = await _world.NewStore();
        var products = new[] { await _world.NewProduct(), await _world.NewProduct(), await _world.NewProduct() };
        foreach (var p in products)
        {
            await _world.SetStock(storeA, p, 40);
            await _world.SetStock(storeB, p, 40);
        }
        var staffA = await _world.NewStaff(storeA);
        var staffB = await _world.NewStaff(storeB);
        var customers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _world.NewCustomer()));

        async Task Step(int i)
        {
            var customer = customers[i % customers.Length].Api;
            var product = products[random.Next(products.Length)];
            switch (i % 7)
            {
                case 0:
                case 1:
                    var order = await World.PlaceOrder(customer, storeA, product, 1 + (i % 3));
                    if (order.Status != HttpStatusCode.Created) return;
                    var id = order.Str("id");
                    if (i % 2 == 0) { await customer.Post($"/api/orders/{id}/cancel"); return; }
                    await World.Pay(customer, id);
                    if (i % 3 == 0) return;
                    var code = (await customer.Get($"/api/orders/{id}")).Str("pickupCode");
                    await staffA.Post($"/api/stores/{storeA}/orders/{id}/accept");
                    await staffA.Post($"/api/stores/{storeA}/orders/{id}/ready");
                    await staffA.Post($"/api/stores/{storeA}/pickups", new { code });
                    return;
                case 2:
                    var sale = await staffA.Post($"/api/stores/{storeA}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } } });
                    if (sale.Status == HttpStatusCode.Created && i % 2 == 0)
                        await staffA.Post($"/api/stores/{storeA}/counter-returns", new { saleId = sale.Str("id"), lines = new[] { new { productId = product, quantity = 1 } } });
                    return;
                case 3:
                    await staffA.Post($"/api/stores/{storeA}/inventory/{product}/adjustments", new { quantity = i % 2 == 0 ? -1 : 2, reason = "random check" });
                    return;
                case 4:
                    var transfer = await staffA.Post($"/api/stores/{storeA}/transfers", new { toStoreId = storeB, lines = new[] { new { productId = product, quantity = 2 } } });
                    if (transfer.Status == HttpStatusCode.Created)
                        await (i % 2 == 0 ? staffB.Post($"/api/stores/{storeB}/transfers/{transfer.Str("id")}/receive") : staffA.Post($"/api/stores/{storeA}/transfers/{transfer.Str("id")}/cancel"));
                    return;
                case 5:
                    await _world.SetStock(storeB, product, 30 + (i % 10));
                    return;
                default:
                    await staffB.Post($"/api/stores/{storeB}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } });
                    return;
            }
        }

        // Eight at a time, so the steps also race each other.
        for (var batch = 0; batch < 8; batch++)
            await Task.WhenAll(Enumerable.Range(batch * 8, 8).Select(Step));

        var report = (await (await _world.Admin()).Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.OK);
        Assert.True(report["consistent"].GetValue<bool>(), report.Text);
        foreach (var store in new[] { storeA, storeB })
            foreach (var product in products)
            {
                var ledger = (await (store == storeA ? staffA : staffB).Get($"/api/stores/{store}/inventory/{product}/ledger")).Is(HttpStatusCode.OK).Json!.AsArray();
                var level = (await (await _world.Admin()).Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
                Assert.Equal(level.Long("onHand"), ledger.Sum(e => e!["onHandDelta"]!.GetValue<int>()));
                Assert.Equal(level.Long("reserved"), ledger.Sum(e => e!["reservedDelta"]!.GetValue<int>()));
                Assert.True(level.Long("onHand") >= level.Long("reserved"));
            }
    }
}

public sealed class MixedWorkloadTests_Sqlite(SqliteApp app) : MixedWorkloadTests(app), IClassFixture<SqliteApp>;

public sealed class MixedWorkloadTests_Postgres(PostgresApp app) : MixedWorkloadTests(app), IClassFixture<PostgresApp>;
