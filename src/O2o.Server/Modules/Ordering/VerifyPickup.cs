using System.Collections.Concurrent;
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
        if (attempts.IsBlocked(store.Id, out var retryAfter))
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
            attempts.RecordFailure(store.Id);
            return OrderingErrors.InvalidPickupCode.ToProblem();
        }
        var result = await workflow.MoveAsync(orderId.Value, OrderStatus.Completed, "picked up", null, ct);
        return result.IsSuccess
            ? TypedResults.Ok(OrderViews.ToResponse(result.Value, http.PrefersEnglish(), showPickupCode: Actor.From(principal).IsAdmin))
            : result.Error!.ToProblem();
    }
}

/// <summary>Wrong pickup codes per store in a sliding window; kept per server process.</summary>
internal sealed class PickupAttempts(IOptions<OrderingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _failures = new();

    public bool IsBlocked(Guid storeId, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(storeId, out var queue)) return false;
        lock (queue)
        {
            Trim(queue);
            if (queue.Count < options.Value.PickupCodeMaxFailures) return false;
            retryAfter = queue.Peek() + options.Value.PickupCodeFailureWindow - clock.GetUtcNow();
            return true;
        }
    }

    public void RecordFailure(Guid storeId)
    {
        var queue = _failures.GetOrAdd(storeId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Trim(queue);
            queue.Enqueue(clock.GetUtcNow());
        }
    }

    private void Trim(Queue<DateTimeOffset> queue)
    {
        var since = clock.GetUtcNow() - options.Value.PickupCodeFailureWindow;
        while (queue.Count > 0 && queue.Peek() <= since) queue.Dequeue();
    }
}
