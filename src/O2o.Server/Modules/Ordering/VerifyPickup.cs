using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

internal static class VerifyPickup
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/stores/{storeId}/pickups", Handle).RequireAuthorization(Policies.StoreOperator).WithTags("Store operations")
            .WithSummary("Hand over a pickup order by the code the customer shows; wrong codes are rate-limited per store");

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Handle(
        string storeId, PickupRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        OrderWorkflow workflow, PickupAttempts attempts, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return OrderingErrors.StoreNotFound.ToProblem();
        if (await attempts.BlockedForAsync(store.Id, ct) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            return OrderingErrors.TooManyPickupAttempts.ToProblem();
        }
        var code = request.Code?.Trim();
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
            return Error.Validation("code", "A pickup code is 6 digits.").ToProblem();

        var active = await db.Set<ActivePickupCode>().AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == store.Id && c.Code == code, ct);
        var orderId = active?.OrderId;
        if (orderId is null || !await db.Set<Order>().AnyAsync(o => o.Id == orderId && o.FulfillmentType == FulfillmentType.Pickup, ct))
        {
            await attempts.RecordFailureAsync(store.Id, ct);
            return OrderingErrors.InvalidPickupCode.ToProblem();
        }
        var result = await workflow.MoveAsync(orderId.Value, OrderStatus.Completed, "picked up", null, ct);
        return result.IsSuccess
            ? TypedResults.Ok(OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: Actor.From(principal).IsAdmin))
            : result.Error!.ToProblem();
    }
}

/// <summary>
/// Wrong pickup codes per store in a sliding window, counted in the database so that every node of a store
/// shares one limit (guessing a 6-digit code across nodes gains nothing).
/// </summary>
internal sealed class PickupAttempts(O2oDb db, IOptions<OrderingOptions> options, TimeProvider clock)
{
    public async Task<TimeSpan?> BlockedForAsync(Guid storeId, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - options.Value.PickupCodeFailureWindow;
        var recent = await db.Set<PickupFailure>().AsNoTracking().Where(f => f.StoreId == storeId && f.At > since)
            .OrderByDescending(f => f.At).Take(options.Value.PickupCodeMaxFailures).Select(f => f.At).ToListAsync(ct);
        if (recent.Count < options.Value.PickupCodeMaxFailures) return null;
        return recent[^1] + options.Value.PickupCodeFailureWindow - clock.GetUtcNow();
    }

    public async Task RecordFailureAsync(Guid storeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Add(new PickupFailure { StoreId = storeId, At = now });
        await db.SaveChangesAsync(ct);
        // Rows older than a day say nothing any more.
        var old = now - TimeSpan.FromDays(1);
        await db.Set<PickupFailure>().Where(f => f.StoreId == storeId && f.At < old).ExecuteDeleteAsync(ct);
    }
}
