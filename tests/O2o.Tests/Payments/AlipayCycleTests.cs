using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.Alipay;
using O2o.Server.Modules.Payments.Simulators;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>Alipay (RSA2) end to end against the local simulator: signed gateway.do calls, form notifications, the bare "success".</summary>
public abstract class AlipayCycleTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    private Task<Reply> Replay(JsonNode notification) => _g.Notify("alipay", new Dictionary<string, string>(), notification["body"]!.GetValue<string>(), "application/x-www-form-urlencoded");

    private Task<Reply> Deliver(SimulatorNotification n) => _g.Notify("alipay", n.Headers, n.Body, n.ContentType);

    [Fact]
    public async Task Pays_ignores_duplicates_and_trade_finished_refunds_part_and_keeps_the_ledger_balanced()
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("alipay");
        Assert.StartsWith("https://qr.alipay.com/", action["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var no = GatewayWorld.TradeNo(paymentId);

        var paid = (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{no}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        var duplicate = (await Replay(paid["notification"])).Is(HttpStatusCode.OK);
        Assert.Equal("success", duplicate.Text);
        Assert.Equal("duplicate", GatewayWorld.Outcome(duplicate));
        var finished = (await _g.World.Anonymous().Post($"/simulators/alipay/finish/{no}?deliver=false")).Is(HttpStatusCode.OK);
        Assert.Equal("duplicate", GatewayWorld.Outcome((await Replay(finished["notification"])).Is(HttpStatusCode.OK)));

        var admin = await _g.World.Admin();
        var refund = (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 1080, reason = "少送一件 one item missing" })).Is(HttpStatusCode.Created);
        Assert.Equal("succeeded", refund.Str("status"));
        (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 4101, reason = "too much" })).Is(HttpStatusCode.Conflict, "refund_exceeds_paid");
        var refundNotice = (await _g.World.Anonymous().Post($"/simulators/alipay/refunds/{GatewayWorld.TradeNo(refund.Str("refundId"))}/notify")).Is(HttpStatusCode.OK);
        Assert.Equal(200, refundNotice.Long("delivered"));
        Assert.Equal(1080, _g.Service<AlipaySimulator>().Books.Find(no)!.Refunded);

        var ledger = await _g.LedgerOf(orderId, entries: 2);
        Assert.Equal(5180, GatewayWorld.Line(ledger[0]!, "gateway_clearing:alipay"));
        Assert.Equal(-1080, GatewayWorld.Line(ledger[1]!, "gateway_clearing:alipay"));
        Assert.Equal(1080, (await _g.OrderPayments(orderId))["payments"]![0]!["refundedFen"]!.GetValue<long>());

        var (_, _, unnotified, _) = await _g.PendingPayment("alipay");
        (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{GatewayWorld.TradeNo(unnotified)}?deliver=false")).Is(HttpStatusCode.OK);
        var mismatches = await _g.Reconcile("alipay");
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("payment", paymentId)));
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("refund", refund.Str("refundId"))));
        Assert.Equal("missing", mismatches[GatewayWorld.Source("payment", unnotified)]);
    }

    [Fact]
    public async Task A_tampered_stale_or_mismatched_notification_is_answered_fail_and_changes_nothing()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("alipay");
        var no = GatewayWorld.TradeNo(paymentId);
        var genuine = (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{no}?deliver=false")).Is(HttpStatusCode.OK)["notification"];
        var body = genuine["body"]!.GetValue<string>();
        var sim = _g.Service<AlipaySimulator>();
        var trade = sim.Books.Find(no)!;

        var tampered = GatewayWorld.Answered(await _g.Notify("alipay", new Dictionary<string, string>(), body.Replace("total_amount=51.80", "total_amount=0.01", StringComparison.Ordinal),
            "application/x-www-form-urlencoded"), HttpStatusCode.Unauthorized);
        Assert.Equal("fail", tampered.Text);
        Assert.Equal("invalid_signature", GatewayWorld.Outcome(tampered));
        Assert.Equal("amount_mismatch_flagged_for_review", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, "TRADE_SUCCESS", overrides: new Dictionary<string, string> { ["total_amount"] = "0.01" }))));
        Assert.Equal("merchant_mismatch", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, "TRADE_SUCCESS", overrides: new Dictionary<string, string> { ["seller_id"] = "2088999999999999" }))));
        var old = AlipayProtocol.BeijingTime(DateTimeOffset.UtcNow.AddDays(-2));
        Assert.Equal("stale_notification", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, "TRADE_SUCCESS", overrides: new Dictionary<string, string> { ["notify_time"] = old }))));
        Assert.Equal("validation_failed", GatewayWorld.Outcome(await _g.Notify("alipay", new Dictionary<string, string>(), "no-equals-sign-at-all", "application/x-www-form-urlencoded")));

        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("success", (await Replay(genuine)).Is(HttpStatusCode.OK).Text);
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));

        // Operators find the refused and the held ones in the review queue, and the accepted one only in the full trail.
        var admin = await _g.World.Admin();
        // Refused notifications are unverified, so they name no payment: they are found by what they say.
        var flagged = (await admin.Get("/api/admin/payments/notifications?gateway=alipay&flagged=true&pageSize=200")).Is(HttpStatusCode.OK).Json!.AsArray()
            .Where(n => n!["body"]!.GetValue<string>().Contains(no, StringComparison.Ordinal) || n["outcome"]!.GetValue<string>() == "validation_failed").ToList();
        Assert.Equal(["amount_mismatch_flagged_for_review", "invalid_signature", "merchant_mismatch", "stale_notification", "validation_failed"],
            flagged.Select(n => n!["outcome"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(flagged, n => Assert.True(n!["flagged"]!.GetValue<bool>()));
        var all = (await admin.Get($"/api/admin/payments/notifications?paymentId={paymentId}")).Is(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal("accepted", all[0]!["outcome"]!.GetValue<string>());
        Assert.False(all[0]!["flagged"]!.GetValue<bool>());
        Assert.Contains("trade_status=TRADE_SUCCESS", all[0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        (await customer.Api.Get("/api/admin/payments/notifications")).Is(HttpStatusCode.Forbidden);
        (await admin.Get("/api/admin/payments/notifications?pageSize=500")).Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_lost_notification_is_recovered_by_asking_alipay()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("alipay");
        (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{GatewayWorld.TradeNo(paymentId)}?deliver=false")).Is(HttpStatusCode.OK);

        using (var scope = _g.World.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverAsync(TimeSpan.Zero, CancellationToken.None) >= 1);

        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        await _g.LedgerOf(orderId, entries: 1);
    }

    [Fact]
    public async Task A_refund_whose_answer_failed_is_settled_by_asking_alipay_whether_it_happened()
    {
        var (_, orderId, paymentId, _) = await _g.PendingPayment("alipay");
        (await _g.World.Anonymous().Post($"/simulators/alipay/pay/{GatewayWorld.TradeNo(paymentId)}")).Is(HttpStatusCode.OK);
        var sim = _g.Service<AlipaySimulator>();
        var admin = await _g.World.Admin();

        sim.FailNextRefund(refundedAnyway: true);
        var happened = (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 1000, reason = "answer lost 应答丢失" })).Is(HttpStatusCode.Created);
        Assert.Equal("processing", happened.Str("status"));
        sim.FailNextRefund(refundedAnyway: false);
        var neverHappened = (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 500, reason = "never arrived 未受理" })).Is(HttpStatusCode.Created);
        Assert.Equal("processing", neverHappened.Str("status"));
        Assert.Equal(1500, (await _g.OrderPayments(orderId))["payments"]![0]!["refundedFen"]!.GetValue<long>());

        using (var scope = _g.World.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverRefundsAsync(TimeSpan.Zero, CancellationToken.None) >= 2);

        var payments = await _g.OrderPayments(orderId);
        var refunds = payments["refunds"]!.AsArray().ToDictionary(r => r!["refundId"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>());
        Assert.Equal("succeeded", refunds[happened.Str("refundId")]);
        Assert.Equal("failed", refunds[neverHappened.Str("refundId")]);
        // The failed refund's reservation is released: what was paid minus what Alipay really gave back.
        Assert.Equal(1000, payments["payments"]![0]!["refundedFen"]!.GetValue<long>());
        Assert.Equal(1000, sim.Books.Find(GatewayWorld.TradeNo(paymentId))!.Refunded);
        await _g.LedgerOf(orderId, entries: 2);
    }
}

public sealed class AlipayCycleTests_Sqlite(GatewaysSqliteApp app) : AlipayCycleTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class AlipayCycleTests_Postgres(GatewaysPostgresApp app) : AlipayCycleTests(app), IClassFixture<GatewaysPostgresApp>;
