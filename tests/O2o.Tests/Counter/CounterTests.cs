using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Counter;

/// <summary>The counter sells from the same stock online orders reserve.</summary>
public abstract class CounterTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task A_unit_sold_at_the_counter_can_no_longer_be_promised_online_and_the_reverse()
    {
        var (store, product) = await _world.StockedStore(onHand: 3, priceFen: 450);
        var staff = await _world.NewStaff(store);
        var customer = await _world.NewCustomer();

        (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created);
        var refused = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 2 } } }))
            .Is(HttpStatusCode.Conflict, "insufficient_stock");
        Assert.Equal(1, refused["products"][0]!["available"]!.GetValue<int>());

        var sale = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.Created);
        Assert.Equal(450, sale.Long("totalFen"));
        Assert.Equal(0, await _world.Available(store, product));
        (await World.PlaceOrder(customer.Api, store, product, 1)).Is(HttpStatusCode.Conflict, "insufficient_stock");
        var stock = (await staff.Get($"/api/stores/{store}/inventory/{product}")).Is(HttpStatusCode.OK);
        Assert.Equal(2, stock.Long("onHand"));
        Assert.Equal(2, stock.Long("reserved"));
    }

    [Fact]
    public async Task Returns_put_units_back_but_never_more_than_were_sold()
    {
        var (store, product) = await _world.StockedStore(onHand: 10, priceFen: 300);
        var staff = await _world.NewStaff(store);
        var saleId = (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 4 } } })).Is(HttpStatusCode.Created).Str("id");
        Assert.Equal(6, await _world.Available(store, product));

        var back = (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId, lines = new[] { new { productId = product, quantity = 3 } } })).Is(HttpStatusCode.Created);
        Assert.Equal(900, back.Long("refundFen"));
        Assert.Equal(9, await _world.Available(store, product));
        (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId, lines = new[] { new { productId = product, quantity = 2 } } })).Is(HttpStatusCode.Conflict, "return_exceeds_sale");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            staff.Post($"/api/stores/{store}/counter-returns", new { saleId, lines = new[] { new { productId = product, quantity = 1 } } })));
        Assert.Equal(1, concurrent.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(10, await _world.Available(store, product));
        Assert.Equal(4, (await staff.Get($"/api/stores/{store}/counter-sales/{saleId}")).Is(HttpStatusCode.OK)["lines"][0]!["returnedQuantity"]!.GetValue<int>());

        var other = await _world.NewProduct();
        (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId, lines = new[] { new { productId = other, quantity = 1 } } })).Is((HttpStatusCode)422, "product_not_in_sale");
        (await staff.Post($"/api/stores/{store}/counter-returns", new { saleId = Guid.NewGuid(), lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.NotFound, "sale_not_found");
    }

    [Fact]
    public async Task Counter_routes_validate_and_belong_to_the_stores_staff()
    {
        var (store, product) = await _world.StockedStore();
        var (otherStore, _) = await _world.StockedStore();
        var outsider = await _world.NewStaff(otherStore);
        var customer = await _world.NewCustomer();
        var staff = await _world.NewStaff(store);

        (await outsider.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.NotFound, "store_not_found");
        (await customer.Api.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 1 } } })).Is(HttpStatusCode.Forbidden);
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = Array.Empty<object>() })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = product, quantity = 0 } } })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await staff.Post($"/api/stores/{store}/counter-sales", new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1 } } })).Is(HttpStatusCode.NotFound, "product_not_found");
        Assert.Equal(10, await _world.Available(store, product));
    }
}

public sealed class CounterTests_Sqlite(SqliteApp app) : CounterTests(app), IClassFixture<SqliteApp>;

public sealed class CounterTests_Postgres(PostgresApp app) : CounterTests(app), IClassFixture<PostgresApp>;
