using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Catalog;

public abstract class CatalogTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task A_two_character_chinese_query_finds_a_product_inside_a_longer_name()
    {
        var store = await _world.NewStore();
        var milk = await _world.NewProduct(name: "光明鲜牛奶 950ml", nameEn: "Bright Dairy Fresh Milk 950ml", priceFen: 1390);
        var juice = await _world.NewProduct(name: "汇源100%橙汁 1L", nameEn: "Huiyuan Orange Juice 1L");
        await _world.SetStock(store, milk, 12);

        var found = (await _world.Anonymous().Get($"/api/products?storeId={store}&q={Uri.EscapeDataString("牛奶")}")).Is(HttpStatusCode.OK);
        var item = Assert.Single(found["items"].AsArray(), i => i!["id"]!.GetValue<string>() == milk)!;
        Assert.Equal("光明鲜牛奶 950ml", item["name"]!.GetValue<string>());
        Assert.Equal(12, item["available"]!.GetValue<int>());
        Assert.DoesNotContain(found["items"].AsArray(), i => i!["id"]!.GetValue<string>() == juice);

        var english = (await _world.Anonymous().Get($"/api/products?storeId={store}&q=FRESH%20milk")).Is(HttpStatusCode.OK);
        Assert.Contains(english["items"].AsArray(), i => i!["id"]!.GetValue<string>() == milk);
    }

    [Fact]
    public async Task Products_page_and_filter_by_category_and_speak_english_when_asked()
    {
        var category = $"cat-{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 5; i++) await _world.NewProduct(name: $"分类商品{i}", nameEn: $"Category item {i}", category: category);

        var page = (await _world.Anonymous().Get($"/api/products?category={category}&page=2&pageSize=2")).Is(HttpStatusCode.OK);
        Assert.Equal(5, page.Long("total"));
        Assert.Equal(2, page["items"].AsArray().Count);
        Assert.Equal(2, page.Long("page"));

        var api = _world.Anonymous();
        api.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,zh;q=0.5");
        var english = (await api.Get($"/api/products?category={category}&pageSize=5")).Is(HttpStatusCode.OK);
        Assert.All(english["items"].AsArray(), i => Assert.StartsWith("Category item", i!["name"]!.GetValue<string>()));

        (await _world.Anonymous().Get("/api/products?pageSize=101")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get("/api/products?page=0")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get("/api/products?page=abc")).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await _world.Anonymous().Get($"/api/products?storeId={Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "store_not_found");
    }

    [Fact]
    public async Task A_product_shows_what_a_store_can_promise()
    {
        var (store, product) = await _world.StockedStore(onHand: 6);
        var customer = await _world.NewCustomer();
        (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created);

        var detail = (await _world.Anonymous().Get($"/api/products/{product}?storeId={store}")).Is(HttpStatusCode.OK);
        Assert.Equal(4, detail.Long("available"));
        Assert.Equal("CNY", detail.Str("currency"));
        var otherStore = await _world.NewStore();
        Assert.Equal(0, (await _world.Anonymous().Get($"/api/products/{product}?storeId={otherStore}")).Is(HttpStatusCode.OK).Long("available"));
        (await _world.Anonymous().Get($"/api/products/{Guid.NewGuid()}")).Is(HttpStatusCode.NotFound, "product_not_found");
    }

    [Fact]
    public async Task Creating_products_validates_and_refuses_a_duplicate_sku()
    {
        var admin = await _world.Admin();
        var sku = $"DUP-{Guid.NewGuid():N}"[..16];
        (await admin.Post("/api/admin/products", new { sku, name = "第一", priceFen = 100, imageUrls = new[] { "https://img.example.cn/1.jpg" } })).Is(HttpStatusCode.Created);
        (await admin.Post("/api/admin/products", new { sku, name = "第二", priceFen = 100 })).Is(HttpStatusCode.Conflict, "sku_exists");

        var bad = (await admin.Post("/api/admin/products", new { sku = "", name = new string('名', 201), priceFen = -1, imageUrls = new[] { "javascript:alert(1)" } }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "sku", "name", "priceFen", "imageUrls" })
            Assert.True(bad.Json!["errors"]![field] is not null, $"{field} missing in {bad.Text}");
        (await admin.PostRaw("/api/admin/products", "{\"sku\":\"X\",\"name\":\"y\",\"priceFen\":12.5}")).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Setting_stock_validates_and_never_goes_below_what_is_reserved()
    {
        var (store, product) = await _world.StockedStore(onHand: 5);
        var customer = await _world.NewCustomer();
        (await World.PlaceOrder(customer.Api, store, product, 3)).Is(HttpStatusCode.Created);
        var admin = await _world.Admin();

        (await admin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 2 })).Is(HttpStatusCode.Conflict, "below_reserved");
        (await admin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = -1 })).Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Put($"/api/admin/stores/{store}/inventory/{Guid.NewGuid()}", new { onHand = 1 })).Is(HttpStatusCode.NotFound, "product_not_found");
        var set = (await admin.Put($"/api/admin/stores/{store}/inventory/{product}", new { onHand = 9 })).Is(HttpStatusCode.OK);
        Assert.Equal(9, set.Long("onHand"));
        Assert.Equal(3, set.Long("reserved"));
        Assert.Equal(6, set.Long("available"));
    }
}

public sealed class CatalogTests_Sqlite(SqliteApp app) : CatalogTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogTests_Postgres(PostgresApp app) : CatalogTests(app), IClassFixture<PostgresApp>;
