using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Payments;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>What every gateway's cycle test needs: a pending payment, the notify route, refunds and the ledger.</summary>
internal sealed class GatewayWorld(World world)
{
    public World World => world;

    public async Task<(Customer Customer, string OrderId, string PaymentId, JsonNode Action)> PendingPayment(string method, long priceFen = 2590, object? request = null)
    {
        var (store, product) = await world.StockedStore(onHand: 5, priceFen: priceFen);
        var customer = await world.NewCustomer();
        var orderId = (await World.PlaceOrder(customer.Api, store, product, 2)).Is(HttpStatusCode.Created).Str("id");
        var started = (await customer.Api.Post($"/api/orders/{orderId}/payments", request ?? new { method })).Is(HttpStatusCode.Created);
        return (customer, orderId, started.Str("paymentId"), started["action"]);
    }

    public static string TradeNo(string id) => Guid.Parse(id).ToString("N");

    public Task<Reply> Notify(string gateway, IDictionary<string, string> headers, string body, string contentType = "application/json")
    {
        var client = world.App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/notify/{gateway}") { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return Send(client, request);
    }

    private static async Task<Reply> Send(HttpClient client, HttpRequestMessage request)
    {
        using (request) return await Reply.From(await client.SendAsync(request));
    }

    /// <summary>A gateway's acknowledgement is in the gateway's own format, not problem details: only the status is checked here.</summary>
    public static Reply Answered(Reply reply, HttpStatusCode status)
    {
        Assert.True(reply.Status == status, $"Expected {status}, got {reply.Status}: {reply.Text}");
        return reply;
    }

    public static string Outcome(Reply reply) => reply.Response.Headers.GetValues("O2o-Notification-Outcome").Single();

    public async Task<JsonNode> OrderPayments(string orderId) =>
        (await (await world.Admin()).Get($"/api/admin/orders/{orderId}/payments")).Is(HttpStatusCode.OK).Json!;

    public int AuditedNotifications(string paymentId)
    {
        using var scope = world.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<O2o.Server.Platform.O2oDb>().Set<PaymentNotification>().Count(n => n.PaymentId == Guid.Parse(paymentId));
    }

    public int AuditedNotificationsOf(string gateway)
    {
        using var scope = world.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<O2o.Server.Platform.O2oDb>().Set<PaymentNotification>().Count(n => n.Gateway == gateway);
    }

    /// <summary>Waits for the ledger to post <paramref name="entries"/> entries of the order, then checks every balance sums to zero.</summary>
    public async Task<JsonArray> LedgerOf(string orderId, int entries)
    {
        var admin = await world.Admin();
        var posted = await World.Eventually(() => admin.Get($"/api/admin/ledger/entries?orderId={orderId}"), r => r.Json!.AsArray().Count >= entries);
        Assert.Equal(entries, posted.Json!.AsArray().Count);
        foreach (var entry in posted.Json!.AsArray())
            Assert.Equal(0, entry!["lines"]!.AsArray().Sum(l => l!["amountFen"]!.GetValue<long>()));
        Assert.Equal(0, (await admin.Get("/api/admin/ledger/balances")).Is(HttpStatusCode.OK).Long("totalFen"));
        return posted.Json!.AsArray();
    }

    /// <summary>Reconciles today's (Beijing) bill of the gateway; the report's mismatches by source ("payment:…", "refund:…").</summary>
    public async Task<Dictionary<string, string>> Reconcile(string method)
    {
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = (await (await world.Admin()).Post("/api/admin/reconciliations", new { method, day })).Is(HttpStatusCode.Created);
        Assert.True(report.Long("matched") >= 1, report.Text);
        return report["mismatches"].AsArray().ToDictionary(m => m!["source"]!.GetValue<string>(), m => m!["kind"]!.GetValue<string>());
    }

    public static string Source(string kind, string id) => $"{kind}:{TradeNo(id)}";

    public static long Line(JsonNode entry, string account) =>
        entry["lines"]!.AsArray().Where(l => l!["account"]!.GetValue<string>() == account).Sum(l => l!["amountFen"]!.GetValue<long>());

    public T Service<T>() where T : notnull => world.App.Services.GetRequiredService<T>();
}
