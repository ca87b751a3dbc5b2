using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

public sealed class ApiReferenceTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task The_openapi_document_lists_every_route_of_the_contract()
    {
        var document = (await _world.Anonymous().Get("/openapi/v1.json")).Is(HttpStatusCode.OK);
        var paths = document["paths"].AsObject().Select(p => p.Key).ToHashSet();
        string[] contract =
        [
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/me",
            "/api/admin/stores", "/api/admin/products", "/api/admin/stores/{storeId}/inventory/{productId}", "/api/admin/staff",
            "/api/stores", "/api/products", "/api/products/{productId}",
            "/api/cart", "/api/cart/items", "/api/cart/items/{productId}", "/api/orders", "/api/orders/{orderId}",
            "/api/orders/{orderId}/cancel", "/api/orders/{orderId}/payments", "/api/payments/{paymentId}",
            "/api/sandbox/payments/{paymentId}/succeed", "/api/sandbox/payments/{paymentId}/fail",
            "/api/stores/{storeId}/orders", "/api/stores/{storeId}/orders/{orderId}/accept", "/api/stores/{storeId}/orders/{orderId}/ready",
            "/api/stores/{storeId}/pickups", "/api/stores/{storeId}/orders/{orderId}/dispatch", "/api/stores/{storeId}/orders/{orderId}/delivered",
            "/api/stores/{storeId}/delivery-quote",
        ];
        Assert.All(contract, path => Assert.True(paths.Contains(path), $"{path} is not in the OpenAPI document"));
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_reference_page_is_served()
    {
        var health = (await _world.Anonymous().Get("/health")).Is(HttpStatusCode.OK);
        Assert.Equal("healthy", health.Str("status"));
        Assert.Equal("healthy", health["checks"]["database"]!["status"]!.GetValue<string>());
        (await _world.Anonymous().Get("/health/live")).Is(HttpStatusCode.OK);
        var docs = await _world.Anonymous().Http.GetAsync(new Uri("/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }
}
