using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Payments.Simulators;
using O2o.Tests.Support;

namespace O2o.Tests.Payments;

/// <summary>UnionPay 5.1.0 end to end against the local simulator: certificate-carrying signed messages and backUrl notifications.</summary>
public abstract class UnionPayCycleTests(AppFixture fixture)
{
    private readonly GatewayWorld _g = new(new World(fixture));

    private Task<Reply> Replay(JsonNode notification) =>
        _g.Notify("unionpay", new Dictionary<string, string>(), notification["body"]!.GetValue<string>(), "application/x-www-form-urlencoded");

    private Task<Reply> Deliver(SimulatorNotification n) => _g.Notify("unionpay", n.Headers, n.Body, n.ContentType);

    [Fact]
    public async Task Pays_ignores_the_duplicate_refunds_part_with_its_notification_and_keeps_the_ledger_balanced()
    {
        var (customer, orderId, paymentId, action) = await _g.PendingPayment("unionpay");
        Assert.StartsWith("https://qr.95516.com/", action["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var no = GatewayWorld.TradeNo(paymentId);

        var paid = (await _g.World.Anonymous().Post($"/simulators/unionpay/pay/{no}")).Is(HttpStatusCode.OK);
        Assert.Equal(200, paid.Long("delivered"));
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("duplicate", GatewayWorld.Outcome((await Replay(paid["notification"])).Is(HttpStatusCode.OK)));

        var admin = await _g.World.Admin();
        var refund = (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 180, reason = "价格调整 price adjusted" })).Is(HttpStatusCode.Created);
        Assert.Equal("processing", refund.Str("status"));
        var refunded = (await _g.World.Anonymous().Post($"/simulators/unionpay/refunds/{GatewayWorld.TradeNo(refund.Str("refundId"))}/complete")).Is(HttpStatusCode.OK);
        Assert.Equal(200, refunded.Long("delivered"));
        Assert.Equal("duplicate", GatewayWorld.Outcome((await Replay(refunded["notification"])).Is(HttpStatusCode.OK)));
        (await admin.Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 5001, reason = "too much" })).Is(HttpStatusCode.Conflict, "refund_exceeds_paid");

        Assert.Equal("succeeded", (await _g.OrderPayments(orderId))["refunds"]![0]!["status"]!.GetValue<string>());
        var ledger = await _g.LedgerOf(orderId, entries: 2);
        Assert.Equal(5180, GatewayWorld.Line(ledger[0]!, "gateway_clearing:unionpay"));
        Assert.Equal(-180, GatewayWorld.Line(ledger[1]!, "gateway_clearing:unionpay"));

        var (_, _, unnotified, _) = await _g.PendingPayment("unionpay");
        (await _g.World.Anonymous().Post($"/simulators/unionpay/pay/{GatewayWorld.TradeNo(unnotified)}?deliver=false")).Is(HttpStatusCode.OK);
        var mismatches = await _g.Reconcile("unionpay");
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("payment", paymentId)));
        Assert.False(mismatches.ContainsKey(GatewayWorld.Source("refund", refund.Str("refundId"))));
        Assert.Equal("missing", mismatches[GatewayWorld.Source("payment", unnotified)]);
    }

    [Fact]
    public async Task Lost_payment_and_refund_notifications_are_recovered_by_querying_unionpay()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("unionpay");
        (await _g.World.Anonymous().Post($"/simulators/unionpay/pay/{GatewayWorld.TradeNo(paymentId)}?deliver=false")).Is(HttpStatusCode.OK);
        using (var scope = _g.World.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverAsync(TimeSpan.Zero, CancellationToken.None) >= 1);
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));

        var refund = (await (await _g.World.Admin()).Post($"/api/admin/orders/{orderId}/refunds", new { amountFen = 100, reason = "partial" })).Is(HttpStatusCode.Created);
        (await _g.World.Anonymous().Post($"/simulators/unionpay/refunds/{GatewayWorld.TradeNo(refund.Str("refundId"))}/complete?deliver=false")).Is(HttpStatusCode.OK);
        using (var scope = _g.World.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentRecovery>().RecoverRefundsAsync(TimeSpan.Zero, CancellationToken.None) >= 1);
        Assert.Equal("succeeded", (await _g.OrderPayments(orderId))["refunds"]![0]!["status"]!.GetValue<string>());
        await _g.LedgerOf(orderId, entries: 2);
    }

    [Fact]
    public async Task A_notification_with_a_foreign_certificate_forged_signature_or_wrong_amount_changes_nothing()
    {
        var (customer, orderId, paymentId, _) = await _g.PendingPayment("unionpay");
        var no = GatewayWorld.TradeNo(paymentId);
        var genuine = (await _g.World.Anonymous().Post($"/simulators/unionpay/pay/{no}?deliver=false")).Is(HttpStatusCode.OK)["notification"];
        var body = genuine["body"]!.GetValue<string>();
        var sim = _g.Service<UnionPaySimulator>();
        var trade = sim.Books.Find(no)!;
        var opened = sim.Request(no)!;

        var forged = GatewayWorld.Answered(await _g.Notify("unionpay", new Dictionary<string, string>(), body.Replace("txnAmt=5180", "txnAmt=1", StringComparison.Ordinal),
            "application/x-www-form-urlencoded"), HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_signature", GatewayWorld.Outcome(forged));

        // Signed by a certificate that does not chain to UnionPay's root: unknown, whatever it claims to be.
        using var stranger = SimulatedCertificates.Create("中国银联股份有限公司");
        var fields = GatewayForms.ParseForm(body)!;
        fields["signPubKeyCert"] = stranger.SignerPem;
        fields.Remove("signature");
        fields["signature"] = O2o.Server.Modules.Payments.UnionPay.UnionPayProtocol.Sign(stranger.SignerKey, fields);
        Assert.Equal("unknown_certificate", GatewayWorld.Outcome(await _g.Notify("unionpay", new Dictionary<string, string>(), GatewayForms.FormBody(fields), "application/x-www-form-urlencoded")));

        Assert.Equal("amount_mismatch_flagged_for_review", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, opened, "01", no, 1))));
        Assert.Equal("merchant_mismatch", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, opened, "01", no, trade.Total,
            overrides: new Dictionary<string, string> { ["merId"] = "898000000000001" }))));
        Assert.Equal("stale_notification", GatewayWorld.Outcome(await Deliver(sim.Notify(trade, opened, "01", no, trade.Total,
            overrides: new Dictionary<string, string> { ["txnTime"] = "20200101000000" }))));

        Assert.Equal("pending_payment", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
        Assert.Equal("ok", (await Replay(genuine)).Is(HttpStatusCode.OK).Text);
        Assert.Equal("paid", (await customer.Api.Get($"/api/orders/{orderId}")).Str("status"));
    }
}

public sealed class UnionPayCycleTests_Sqlite(GatewaysSqliteApp app) : UnionPayCycleTests(app), IClassFixture<GatewaysSqliteApp>;

public sealed class UnionPayCycleTests_Postgres(GatewaysPostgresApp app) : UnionPayCycleTests(app), IClassFixture<GatewaysPostgresApp>;
