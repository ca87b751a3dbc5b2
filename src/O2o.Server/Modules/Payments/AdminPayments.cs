using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>Platform admins see every payment and refund of an order, and refund through the original method.</summary>
internal static class AdminPayments
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/orders/{orderId}/payments", List).RequireAuthorization(Policies.PlatformAdmin).WithTags("Payments")
            .WithSummary("Payments and refunds of an order");
        api.MapPost("/admin/orders/{orderId}/refunds", Refund).RequireAuthorization(Policies.PlatformAdmin).WithTags("Payments")
            .WithSummary("Refund part or all of an order's payment through its original method; never more than was paid");
    }

    private static async Task<Results<Ok<OrderPaymentsResponse>, ProblemHttpResult>> List(string orderId, O2oDb db, IOrdering ordering, CancellationToken ct)
    {
        var order = Guid.TryParse(orderId, out var id) ? await ordering.FindPayableAsync(id, ct) : null;
        if (order is null) return PaymentsErrors.OrderNotFound.ToProblem();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.OrderId == id).OrderBy(p => p.Id).ToListAsync(ct);
        var refunds = await db.Set<Refund>().AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(new OrderPaymentsResponse(orderId,
            payments.Select(p => new OrderPaymentView(p.Id.ToString(), p.Method, p.AmountFen, p.RefundedFen, p.Currency, p.Status, p.GatewayTradeNo, p.CreatedAt, p.SettledAt)).ToList(),
            refunds.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Created<RefundResponse>, ProblemHttpResult>> Refund(
        string orderId, RefundRequest request, O2oDb db, IOrdering ordering, Refunds refunds, CancellationToken ct)
    {
        var validation = new Validation().Text("reason", request.Reason, 200);
        if (request.AmountFen is <= 0) validation.Add("amountFen", "Must be positive (or left out to refund what is left).");
        if (validation.Error is { } invalid) return invalid.ToProblem();
        var order = Guid.TryParse(orderId, out var id) ? await ordering.FindPayableAsync(id, ct) : null;
        if (order is null) return PaymentsErrors.OrderNotFound.ToProblem();
        var paymentId = await db.Set<Payment>().Where(p => p.OrderId == id && p.Status == PaymentStatus.Succeeded).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (paymentId is null)
        {
            var fullyRefunded = await db.Set<Payment>().AnyAsync(p => p.OrderId == id && p.Status == PaymentStatus.Refunded, ct);
            return (fullyRefunded ? PaymentsErrors.RefundExceedsPaid : PaymentsErrors.OrderNotPaid).ToProblem();
        }
        var refund = await refunds.RefundAsync(paymentId.Value, request.AmountFen, request.Reason!.Trim(), ct);
        return refund.IsSuccess
            ? TypedResults.Created($"/api/admin/orders/{orderId}/payments", ToResponse(refund.Value))
            : refund.Error!.ToProblem();
    }

    internal static RefundResponse ToResponse(Refund r) =>
        new(r.Id.ToString(), r.PaymentId.ToString(), r.OrderId.ToString(), r.AmountFen, r.Status, r.Reason, r.CreatedAt, r.SettledAt);
}
