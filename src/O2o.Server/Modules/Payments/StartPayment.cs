using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

internal static class StartPayment
{
    public static readonly string[] Methods = ["sandbox", "wechatpay", "alipay", "unionpay"];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/orders/{orderId}/payments", Start).RequireAuthorization(Policies.Customer).WithIdempotency("payments.start")
            .WithTags("Payments").WithSummary("Start paying an order; the answer says what to show the payer (QR code or redirect)");
        api.MapGet("/payments/{paymentId}", Get).RequireAuthorization(Policies.Customer).WithTags("Payments").WithSummary("A payment of the caller's");
    }

    private static async Task<Results<Created<PaymentStartedResponse>, ProblemHttpResult>> Start(
        string orderId, StartPaymentRequest request, ClaimsPrincipal principal, O2oDb db, IOrdering ordering,
        IEnumerable<IPaymentGateway> gateways, TimeProvider clock, CancellationToken ct)
    {
        var method = request.Method?.Trim().ToLowerInvariant();
        if (method is null || !Methods.Contains(method))
            return Error.Validation("method", $"Must be one of {string.Join(", ", Methods)}.").ToProblem();
        var scene = PaymentScene.From(request);
        if (!scene.IsSuccess) return scene.Error!.ToProblem();
        var customer = Actor.From(principal).UserId;
        var order = Guid.TryParse(orderId, out var id) ? await ordering.FindPayableAsync(id, ct) : null;
        if (order is null || order.CustomerId != customer) return PaymentsErrors.OrderNotFound.ToProblem();
        if (!order.IsPayable) return PaymentsFacing.NotPayable(order.Status).ToProblem();
        var gateway = gateways.FirstOrDefault(g => g.Method == method && g.IsAvailable);
        if (gateway is null) return PaymentsErrors.MethodUnavailable.ToProblem();
        if (!gateway.Scenes.Contains(scene.Value.Kind)) return PaymentScene.Unsupported.ToProblem();
        if (scene.Value.ReturnUrl is null && gateway.ScenesNeedingReturnUrl.Contains(scene.Value.Kind))
            return Error.Validation("returnUrl", $"Required for {method} {scene.Value.Kind}: the page the payer's browser returns to.").ToProblem();

        // Earlier unpaid attempts are closed at their gateways first, so a superseded QR code can no longer be paid.
        var superseded = await db.Set<Payment>().AsNoTracking().Where(p => p.OrderId == order.OrderId && p.Status == PaymentStatus.Pending).ToListAsync(ct);
        foreach (var earlier in superseded)
            if (gateways.FirstOrDefault(g => g.Method == earlier.Method && g.IsAvailable) is { } earlierGateway)
                await earlierGateway.CloseAsync(earlier, ct);

        var payment = await db.InTransactionAsync(async () =>
        {
            // A new attempt supersedes earlier unpaid ones; should one of them still be paid, its money is refunded.
            await db.Set<Payment>().Where(p => p.OrderId == order.OrderId && p.Status == PaymentStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Closed), ct);
            var created = new Payment
            {
                OrderId = order.OrderId, CustomerId = customer, Method = method, AmountFen = order.TotalFen, Currency = order.Currency, CreatedAt = clock.GetUtcNow(),
            };
            db.Add(created);
            await db.SaveChangesAsync(ct);
            return created;
        }, _ => true, ct);

        var action = await gateway.StartAsync(payment, scene.Value, ct);
        if (!action.IsSuccess)
        {
            // The gateway has no order we could be paid for; this attempt is over and the customer may try again.
            await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Failed), ct);
            return action.Error!.ToProblem();
        }
        return TypedResults.Created($"/api/payments/{payment.Id}",
            new PaymentStartedResponse(payment.Id.ToString(), payment.Status, action.Value, payment.AmountFen, payment.Currency));
    }

    private static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> Get(string paymentId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        var payment = Guid.TryParse(paymentId, out var id)
            ? await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.CustomerId == customer, ct)
            : null;
        return payment is null ? PaymentsErrors.PaymentNotFound.ToProblem() : TypedResults.Ok(ToResponse(payment));
    }

    internal static PaymentResponse ToResponse(Payment p) =>
        new(p.Id.ToString(), p.OrderId.ToString(), p.Method, p.AmountFen, p.Currency, p.Status, p.CreatedAt, p.SettledAt);
}
