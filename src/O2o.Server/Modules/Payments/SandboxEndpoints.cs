using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Payments;

/// <summary>
/// The payer's side of the sandbox. The sandbox posts its signed notification over HTTP to this server's own notify
/// endpoint, exactly as a real gateway calls back.
/// </summary>
internal static class SandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/sandbox/payments/{paymentId}/succeed", (string paymentId, ClaimsPrincipal p, O2oDb db, SandboxGateway s, SandboxCallback c, CancellationToken ct)
            => Play(paymentId, true, p, db, s, c, ct)).RequireAuthorization().WithTags("Payments").WithSummary("Sandbox: the payer pays");
        api.MapPost("/sandbox/payments/{paymentId}/fail", (string paymentId, ClaimsPrincipal p, O2oDb db, SandboxGateway s, SandboxCallback c, CancellationToken ct)
            => Play(paymentId, false, p, db, s, c, ct)).RequireAuthorization().WithTags("Payments").WithSummary("Sandbox: the payment fails");
    }

    private static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> Play(
        string paymentId, bool succeed, ClaimsPrincipal principal, O2oDb db, SandboxGateway sandbox, SandboxCallback callback, CancellationToken ct)
    {
        if (!sandbox.IsAvailable) return PaymentsErrors.SandboxDisabled.ToProblem();
        var actor = Actor.From(principal);
        var payment = Guid.TryParse(paymentId, out var id)
            ? await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Method == SandboxGateway.Name, ct)
            : null;
        if (payment is null || (payment.CustomerId != actor.UserId && !actor.IsPlatformAdmin)) return PaymentsErrors.PaymentNotFound.ToProblem();
        if (payment.Status != PaymentStatus.Pending) return PaymentsErrors.PaymentNotPending.ToProblem();

        var (headers, body) = sandbox.BuildNotification(payment, succeed);
        if (await callback.PostAsync(headers, body, ct) is { } failure) return failure.ToProblem();

        var settled = await db.Set<Payment>().AsNoTracking().FirstAsync(p => p.Id == payment.Id, ct);
        return TypedResults.Ok(StartPayment.ToResponse(settled));
    }
}
