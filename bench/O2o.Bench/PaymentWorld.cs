using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace O2o.Bench;

/// <summary>An open gateway payment and the signed notification the gateway's simulator made for it (not yet delivered).</summary>
internal sealed record Prepared(string OrderId, string PaymentId, IReadOnlyDictionary<string, string> Headers, string Body, string ContentType);

/// <summary>What the server says about the payments after the notifications: each must be paid exactly once.</summary>
internal sealed record Verification(int Checked, int PaidOnce, int LedgerOnce, int LedgerBalanced, List<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    public string Describe() => Passed
        ? $"verified {Inv.N(Checked)} payments: each succeeded once, its order paid once, one balanced ledger entry"
        : $"INCORRECT: {Inv.N(Problems.Count)} problems, e.g. {string.Join("; ", Problems.Take(3))}";

    public JsonObject ToJson() => new()
    {
        ["checked"] = Checked, ["paidOnce"] = PaidOnce, ["ledgerOnce"] = LedgerOnce, ["ledgerBalanced"] = LedgerBalanced,
        ["passed"] = Passed, ["problems"] = Json.Array(Problems.Take(20), p => p),
    };
}

/// <summary>Opens real payments through the public API and the gateway simulators, and checks what became of them.</summary>
internal sealed class PaymentWorld(Api api, Setup setup, string url, string storeId, string productId, Customer[] customers)
{
    public async Task<Prepared[]> PrepareAsync(string gateway, int count, int parallelism)
    {
        var prepared = new Prepared[count];
        var order = new JsonObject
        {
            ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["storeId"] = storeId },
            ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 1 }),
        };
        using var progress = new Progress($"{gateway} opening payments", count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var customer = customers[i % customers.Length];
            var placed = await api.PostAsync($"{url}/api/orders", customer.Token, order.DeepClone()).ConfigureAwait(false);
            if (placed.Status != 201) throw new SetupException($"Placing an order failed: {placed.Describe()}");
            var orderId = placed.RequireString("place order", "id");
            var started = await api.PostAsync($"{url}/api/orders/{orderId}/payments", customer.Token, new JsonObject { ["method"] = gateway }).ConfigureAwait(false);
            if (started.Code == "payment_method_unavailable")
                throw new SetupException($"{gateway} is not configured on the server: start it with --Payments:{Section(gateway)}:Simulated=true (or real credentials).");
            if (started.Status != 201) throw new SetupException($"Starting a {gateway} payment failed: {started.Describe()}");
            var paymentId = started.RequireString("start payment", "paymentId");
            var tradeNo = Guid.Parse(paymentId).ToString("N");
            var paid = await api.PostAsync($"{url}/simulators/{gateway}/pay/{tradeNo}?deliver=false", null, null).ConfigureAwait(false);
            if (paid.Status != 200 || Json.Get(paid.Body, "notification") is not JsonObject notification)
                throw new SetupException($"The {gateway} simulator did not play the payer (is it on?): {paid.Describe()}");
            var headers = (Json.Get(notification, "headers") as JsonObject ?? [])
                .ToDictionary(h => h.Key, h => h.Value?.GetValue<string>() ?? "", StringComparer.OrdinalIgnoreCase);
            prepared[i] = new Prepared(orderId, paymentId, headers, Json.Str(notification, "body") ?? "", Json.Str(notification, "contentType") ?? "application/json");
            progress.Increment();
        }).ConfigureAwait(false);
        progress.Finish();
        return prepared;
    }

    /// <summary>
    /// Every payment succeeded, its order has exactly one "paid" in its timeline, and (once the outbox has delivered)
    /// the ledger holds exactly one entry for it, whose lines sum to zero.
    /// </summary>
    public async Task<Verification> VerifyAsync(string gateway, IReadOnlyList<Prepared> payments, int parallelism)
    {
        var problems = new ConcurrentQueue<string>();
        int paidOnce = 0, ledgerOnce = 0, balanced = 0;
        using var progress = new Progress($"{gateway} verifying", payments.Count);
        await Parallel.ForEachAsync(payments, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (p, _) =>
        {
            var list = await setup.AdminAsync(HttpMethod.Get, $"/api/admin/orders/{p.OrderId}/payments").ConfigureAwait(false);
            var payment = (Json.Get(list.Body, "payments") as JsonArray)?.FirstOrDefault(x => Json.Str(x, "paymentId") == p.PaymentId);
            var order = await setup.AdminAsync(HttpMethod.Get, $"/api/orders/{p.OrderId}").ConfigureAwait(false);
            var paidInTimeline = (Json.Get(order.Body, "timeline") as JsonArray)?.Count(t => Json.Str(t, "status") == "paid") ?? 0;
            if (Json.Str(payment, "status") == "succeeded" && Json.Str(order.Body, "status") == "paid" && paidInTimeline == 1)
                Interlocked.Increment(ref paidOnce);
            else
                problems.Enqueue($"order {p.OrderId}: payment {Json.Str(payment, "status") ?? list.Describe()}, order {Json.Str(order.Body, "status") ?? order.Describe()}, paid {paidInTimeline}×");

            var entries = await LedgerEntriesAsync(p.OrderId).ConfigureAwait(false);
            if (entries.Count == 1) Interlocked.Increment(ref ledgerOnce);
            else problems.Enqueue($"order {p.OrderId}: {entries.Count} ledger entries");
            if (entries.All(e => (Json.Get(e, "lines") as JsonArray)?.Sum(l => Json.Long(l, "amountFen") ?? 0) == 0))
                Interlocked.Increment(ref balanced);
            else problems.Enqueue($"order {p.OrderId}: an unbalanced ledger entry");
            progress.Increment();
        }).ConfigureAwait(false);
        progress.Finish();
        return new Verification(payments.Count, paidOnce, ledgerOnce, balanced, [.. problems]);
    }

    /// <summary>Ledger entries are posted by the outbox after commit: wait a little for the first one.</summary>
    private async Task<List<JsonNode>> LedgerEntriesAsync(string orderId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await setup.AdminAsync(HttpMethod.Get, $"/api/admin/ledger/entries?orderId={orderId}").ConfigureAwait(false);
            var entries = (reply.Body as JsonArray)?.OfType<JsonNode>().ToList() ?? [];
            if (entries.Count > 0 || attempt >= 60) return entries;
            await Task.Delay(500).ConfigureAwait(false);
        }
    }

    private static string Section(string gateway) => gateway switch
    {
        "wechatpay" => "WeChatPay",
        "alipay" => "Alipay",
        _ => "UnionPay",
    };
}
