using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Catalog;

/// <summary>Shelf QR codes: staff print one per product and store; it opens the product with that store's stock.</summary>
public abstract class ShelfQrTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task Staff_get_an_svg_code_pointing_at_the_product_in_their_store_and_nobody_else_does()
    {
        var (store, product) = await _world.StockedStore(onHand: 7, priceFen: 1290);
        var staff = await _world.NewStaff(store);
        var reply = (await staff.Get($"/api/stores/{store}/products/{product}/shelf-qr")).Is(HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", reply.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", reply.Text.TrimStart(), StringComparison.Ordinal);
        var url = new Uri(reply.Response.Headers.GetValues("O2o-Shelf-Url").Single());
        Assert.Equal($"/p/{product}", url.AbsolutePath);
        Assert.Equal($"?store={store}", url.Query);

        // The address it holds is the storefront's product page, which shows this store's stock.
        var shown = (await _world.Anonymous().Get($"/api/products/{product}?storeId={store}")).Is(HttpStatusCode.OK);
        Assert.Equal(7, shown.Long("available"));

        var otherStore = await _world.NewStore();
        (await (await _world.NewStaff(otherStore)).Get($"/api/stores/{store}/products/{product}/shelf-qr")).Is(HttpStatusCode.NotFound, "store_not_found");
        (await staff.Get($"/api/stores/{store}/products/{Guid.NewGuid()}/shelf-qr")).Is(HttpStatusCode.NotFound, "product_not_found");
        (await staff.Get($"/api/stores/{store}/products/{product}/shelf-qr?size=99")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await (await _world.NewCustomer()).Api.Get($"/api/stores/{store}/products/{product}/shelf-qr")).Is(HttpStatusCode.Forbidden);
    }
}

public sealed class ShelfQrTests_Sqlite(SqliteApp app) : ShelfQrTests(app), IClassFixture<SqliteApp>;

public sealed class ShelfQrTests_Postgres(PostgresApp app) : ShelfQrTests(app), IClassFixture<PostgresApp>;
