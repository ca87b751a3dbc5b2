using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.Simulators;
using O2o.Server.Modules.Payments.WeChatPay;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>WeChat Pay v3 end to end against the local simulator: real signatures, real encryption, real HTTP.</summary>
public abstract class WeChatPayCycleTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    private static Dictionary<string, string> Headers(JsonNode notification) =>
        notification["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>());

    private Task<Reply> Replay(JsonNode notification) => _g.Notify("wechatpay", Headers(notification), notification["body"]!.GetValue<string>());

    [Fact]
    public async Task Pays_ignores_the_duplicate_refunds_part_and_keeps_the_ledger_balanced()
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("wechatpay");
        Assert.Equal("qr", action["type"]!.GetValue<string>());
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", action["value"]!.GetValue<string>(), StringComparison.Ordinal);

        var paid = (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId)}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        var duplicate = (await Replay(paid["notification"])).Is(HttpStatusCode.OK);
        Assert.Equal("duplicate", GatewayWorld.Outcome(duplicate));
        Assert.Equal("SUCCESS", duplicate.Str("code"));
        var order = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Single(order["timeline"].AsArray(), t => t!["status"]!.GetValue<string>() == "paid");

        var admin = await _g.World.Admin();
        var refund = (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 1000, reason = "one item broken 一件破损" })).Is(HttpStatusCode.Created);
        Assert.Equal("processing", refund.Str("status"));
        (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 4181, reason = "too much" })).Is(HttpStatusCode.Conflict, "refund_exceeds_paid");

        var refunded = (await _g.World.Anonymous().Post($"/simulators/wechatpay/refunds/{GatewayWorld.TradeNo(refund.Str("refundId"))}/complete")).Is(HttpStatusCode.OK);
        Assert.Equal(200, refunded.Long("delivered"));
        Assert.Equal("duplicate", GatewayWorld.Outcome((await Replay(refunded["notification"])).Is(HttpStatusCode.OK)));

        var payments = await _g.OrderPayments(orderId);
        Assert.Equal("succeeded", payments["refunds"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(1000, payments["payments"]![0]!["refundedFen"]!.GetValue<long>());
        Assert.Equal("succeeded", payments["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(3, _g.AuditedNotifications(paymentId) - 1);

        var ledger = await _g.LedgerOf(orderId, entries: 2);
        Assert.Equal(5180, GatewayWorld.Line(ledger[0]!, "gateway_clearing:wechatpay"));
        Assert.Equal(-259, GatewayWorld.Line(ledger[0]!, "platform_commission"));
        Assert.Equal(-1000, GatewayWorld.Line(ledger[1]!, "gateway_clearing:wechatpay"));

        // The gateway's bill agrees with the ledger on this payment and this refund; a payment the gateway took but never told us of is missing.
        var (_, _, unnotified, _) = await _g.PendingPayment("wechatpay");
        (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(unnotified)}?deliver=false")).Is(HttpStatusCode.OK);
        var mismatches = await _g.Reconcile("wechatpay");
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("payment", paymentId)));
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("refund", refund.Str("refundId"))));
        Assert.Equal("missing", mismatches[GatewayWorld.Source("payment", unnotified)]);

        // What is left can still be refunded in full, and then nothing more.
        (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { reason = "the rest" })).Is(HttpStatusCode.Created);
        (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 1, reason = "again" })).Is(HttpStatusCode.Conflict, "refund_exceeds_paid");
    }

    [Fact]
    public async Task A_forged_tampered_probed_or_mismatched_notification_changes_nothing_and_is_kept()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("wechatpay");
        var genuine = (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId)}?deliver=false")).Is(HttpStatusCode.OK)["notification"];
        var headers = Headers(genuine);
        var body = genuine["body"]!.GetValue<string>();
        var audited = _g.AuditedNotificationsOf("wechatpay");

        var refused = GatewayWorld.Answered(await _g.Notify("wechatpay", headers, body.Replace("{\"id\"", "{ \"id\"", StringComparison.Ordinal)), HttpStatusCode.Unauthorized);
        Assert.Equal("FAIL", refused.Str("code"));
        Assert.Equal("invalid_signature", GatewayWorld.Outcome(refused));
        Assert.Equal("invalid_signature", GatewayWorld.Outcome(await _g.Notify("wechatpay",
            new Dictionary<string, string>(headers) { [WeChatPayProtocol.SignatureHeader] = WeChatPayProtocol.ProbePrefix + "AAAA" }, body)));
        Assert.Equal("unknown_certificate", GatewayWorld.Outcome(await _g.Notify("wechatpay",
            new Dictionary<string, string>(headers) { [WeChatPayProtocol.SerialHeader] = "PUB_KEY_ID_SOMEONE_ELSE" }, body)));
        Assert.Equal("too_large", GatewayWorld.Outcome(GatewayWorld.Answered(await _g.Notify("wechatpay", headers, new string('x', 200_000)), HttpStatusCode.RequestEntityTooLarge)));

        // Correctly signed and encrypted by the gateway, but for another amount, another merchant, or not decryptable.
        var sim = _g.Service<WeChatPaySimulator>();
        var trade = sim.Books.Find(GatewayWorld.TradeNo(paymentId))!;
        var wrongAmount = sim.TransactionJson(trade);
        wrongAmount["amount"]!["total"] = 1;
        var flagged = sim.Notify("TRANSACTION.SUCCESS", "transaction", wrongAmount, "支付成功");
        Assert.Equal("amount_mismatch_flagged_for_review", GatewayWorld.Outcome(GatewayWorld.Answered(await _g.Notify("wechatpay", flagged.Headers, flagged.Body), HttpStatusCode.BadRequest)));
        var otherMerchant = sim.TransactionJson(trade);
        otherMerchant["mchid"] = "1900000999";
        var foreign = sim.Notify("TRANSACTION.SUCCESS", "transaction", otherMerchant, "支付成功");
        Assert.Equal("merchant_mismatch", GatewayWorld.Outcome(await _g.Notify("wechatpay", foreign.Headers, foreign.Body)));
        var garbled = "{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAAAA\",\"nonce\":\"abcdefghijkl\",\"associated_data\":\"transaction\"}}";
        Assert.Equal("undecryptable_notification", GatewayWorld.Outcome(await _g.Notify("wechatpay", sim.Sign(garbled), garbled)));
        Assert.Equal("validation_failed", GatewayWorld.Outcome(GatewayWorld.Answered(await _g.Notify("wechatpay", sim.Sign("{not json"), "{not json"), HttpStatusCode.BadRequest)));

        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("pending", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
        Assert.Equal(audited + 8, _g.AuditedNotificationsOf("wechatpay"));

        Assert.Equal("accepted", GatewayWorld.Outcome((await Replay(genuine)).Is(HttpStatusCode.OK)));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }

    [Fact]
    public async Task The_same_notification_three_times_at_once_pays_once_and_every_copy_is_acknowledged()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("wechatpay");
        var notification = (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId)}?deliver=false")).Is(HttpStatusCode.OK)["notification"];

        var replies = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Replay(notification)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(replies, r => GatewayWorld.Outcome(r) == "accepted");
        var order = (await customer.Api.Get($"/api/orders/{orderId}")).Is(HttpStatusCode.OK);
        Assert.Single(order["timeline"].AsArray(), t => t!["status"]!.GetValue<string>() == "paid");
        await _g.LedgerOf(orderId, entries: 1);
    }

    [Fact]
    public async Task A_lost_notification_is_recovered_by_asking_the_gateway()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("wechatpay");
        (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId)}?deliver=false")).Is(HttpStatusCode.OK);

        using (var scope = _g.World.App.Services.CreateScope())
            // Other tests of this class may leave payments pending in the same database: at least this one is recovered.
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverAsync(TimeSpan.Zero, CancellationToken.None) >= 1);

        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("succeeded", (await customer.Api.Get($"/api/payments/{paymentId}")).Str("status"));
        await _g.LedgerOf(orderId, entries: 1);
    }

    [Fact]
    public async Task A_lost_refund_notification_is_recovered_and_a_superseded_attempt_is_closed_at_the_gateway()
    {
        var (customer, orderId, first, _) = await _g.PendingPayment("wechatpay");
        var second = (await customer.Api.Post($"/api/orders/{orderId}/payments", new { method = "wechatpay" })).Is(HttpStatusCode.Created).Str("paymentId");
        Assert.Equal("CLOSED", WeChatPaySimulator.TradeState(_g.Service<WeChatPaySimulator>().Books.Find(GatewayWorld.TradeNo(first))!));
        (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(second)}")).Is(HttpStatusCode.OK);

        var refund = (await (await _g.World.Admin()).Post($"/api/admin/orders/{orderId}/refunds", new { reason = "全部退款 all of it" })).Is(HttpStatusCode.Created);
        (await _g.World.Anonymous().Post($"/simulators/wechatpay/refunds/{GatewayWorld.TradeNo(refund.Str("refundId"))}/complete?deliver=false")).Is(HttpStatusCode.OK);
        using (var scope = _g.World.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverRefundsAsync(TimeSpan.Zero, CancellationToken.None) >= 1);

        var payments = await _g.OrderPayments(orderId);
        Assert.Equal("succeeded", payments["refunds"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("refunded", (await customer.Api.Get($"/api/payments/{second}")).Str("status"));
        await _g.LedgerOf(orderId, entries: 2);
    }

    [Fact]
    public async Task A_cancelled_order_closes_its_payment_at_the_gateway_and_a_late_payment_is_given_back()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("wechatpay");
        var sim = _g.Service<WeChatPaySimulator>();
        (await customer.Api.Post($"/api/orders/{orderId}/cancel")).Is(HttpStatusCode.OK);
        await World.Eventually(() => customer.Api.Get($"/api/payments/{paymentId}"), r => r.Str("status") == "closed");
        Assert.Equal("CLOSED", WeChatPaySimulator.TradeState(sim.Books.Find(GatewayWorld.TradeNo(paymentId))!));

        var (customer2, orderId2, paymentId2, _) = await _g.PendingPayment("wechatpay");
        var late = (await _g.World.Anonymous().Post($"/simulators/wechatpay/pay/{GatewayWorld.TradeNo(paymentId2)}?deliver=false")).Is(HttpStatusCode.OK)["notification"];
        (await customer2.Api.Post($"/api/orders/{orderId2}/cancel")).Is(HttpStatusCode.OK);
        Assert.Equal("accepted_and_refunded", GatewayWorld.Outcome((await Replay(late)).Is(HttpStatusCode.OK)));
        var payments = await _g.OrderPayments(orderId2);
        Assert.Equal(5180, payments["refunds"]![0]!["amountFen"]!.GetValue<long>());
        Assert.Equal(5180, sim.Books.Refunds.Single(r => r.OutTradeNo == GatewayWorld.TradeNo(paymentId2)).Amount);
    }

    [Fact]
    public async Task The_simulator_refuses_a_request_not_signed_with_the_merchant_key()
    {
        var (forgedKey, _) = GatewayKeys.NewRsaPair();
        using var key = GatewayKeys.LoadRsa(forgedKey);
        var options = _g.Service<Microsoft.Extensions.Options.IOptions<PaymentsOptions>>().Value.WeChatPay;
        var body = "{\"mchid\":\"" + options.MchId + "\"}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = GatewayKeys.SignSha256(key, WeChatPayProtocol.RequestMessage("POST", "/v3/pay/transactions/native", timestamp, "N1", body));
        var reply = await _g.World.Anonymous().Send(HttpMethod.Post, "/simulators/wechatpay/v3/pay/transactions/native", new RawJson(body),
            headers: new Dictionary<string, string> { ["Authorization"] = WeChatPayProtocol.Authorization(options.MchId!, "N1", signature, timestamp, options.MerchantSerialNo!) });
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("SIGN_ERROR", reply.Str("code"));
    }

    [Fact]
    public async Task Refunding_an_unpaid_order_is_a_conflict()
    {
        var (_, orderId, _, _) = await _g.PendingPayment("wechatpay");
        (await (await _g.World.Admin()).Post($"/api/admin/orders/{orderId}/refunds", new { reason = "nothing paid" })).Is(HttpStatusCode.Conflict, "order_not_paid");
        (await (await _g.World.Admin()).Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = -1 })).Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class WeChatPayCycleTests_Sqlite(GatewaysSqliteApp app) : WeChatPayCycleTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class WeChatPayCycleTests_Postgres(GatewaysPostgresApp app) : WeChatPayCycleTests(app), IClassFixture<GatewaysPostgresApp>;
