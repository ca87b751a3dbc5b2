using System.Net;
using O2o.Tests.Payments;
using O2o.Tests.Support;

namespace O2o.Tests.Ledger;

/// <summary>Every money movement is a balanced double entry; a full refund brings every account of the order back to zero.</summary>
public abstract class LedgerTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task A_paid_delivery_order_splits_into_merchant_commission_and_fee_and_a_full_refund_reverses_it()
    {
        var (store, product) = await _world.StockedStore(onHand: 5, priceFen: 2000);
        var customer = await _world.NewCustomer();
        var address = new { line = "上海市虹口区四川北路1号 101室", lat = 31.2480, lng = 121.4850, contactName = "王小明", contactPhone = "13800138000" };
        var order = (await customer.Api.Post("/api/orders", new
        {
            fulfillment = new { type = "delivery", storeId = store, address },
            lines = new[] { new { productId = product, quantity = 2 } },
        })).Is(HttpStatusCode.Created);
        var orderId = order.Str("id");
        var fee = order.Long("deliveryFeeFen");
        await World.Pay(customer.Api, orderId);

        var gateway = new GatewayWorld(_world);
        var paid = (await gateway.LedgerOf(orderId, entries: 1))[0]!;
        Assert.Equal("customer_payment", paid["kind"]!.GetValue<string>());
        Assert.Equal(4000 + fee, GatewayWorld.Line(paid, "gateway_clearing:sandbox"));
        Assert.Equal(-fee, GatewayWorld.Line(paid, "delivery_fee"));
        Assert.Equal(-200, GatewayWorld.Line(paid, "platform_commission"));
        Assert.Equal(-3800, GatewayWorld.Line(paid, $"merchant_payable:{Guid.Parse(store):N}"));

        (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.OK);
        var entries = await gateway.LedgerOf(orderId, entries: 2);
        Assert.Equal("refund", entries[1]!["kind"]!.GetValue<string>());
        foreach (var account in new[] { "gateway_clearing:sandbox", "delivery_fee", "platform_commission", $"merchant_payable:{Guid.Parse(store):N}" })
            Assert.Equal(0, entries.Sum(e => GatewayWorld.Line(e!, account)));

        var balances = (await (await _world.Admin()).Get("/api/admin/ledger/balances")).Is(HttpStatusCode.OK);
        Assert.Equal(0, balances.Long("totalFen"));
        (await customer.Api.Get("/api/admin/ledger/balances")).Is(HttpStatusCode.Forbidden);
    }
}

public sealed class LedgerTests_Sqlite(SqliteApp app) : LedgerTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerTests_Postgres(PostgresApp app) : LedgerTests(app), IClassFixture<PostgresApp>;
