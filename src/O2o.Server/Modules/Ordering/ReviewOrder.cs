using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>A customer's review of an order they completed: one per order, within the review window.</summary>
internal sealed class OrderReview
{
    public Guid OrderId { get; init; }
    public required string CustomerId { get; init; }
    public Guid StoreId { get; init; }
    public int Rating { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>POST/GET /api/orders/{id}/review: rate a completed order (1–5 stars, an optional comment); loyalty points follow from the event.</summary>
internal static class ReviewOrder
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const int MaxComment = 500;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/orders/{orderId}/review").RequireAuthorization(Policies.Customer).WithTags("Orders");
        group.MapPost("", Post).WithSummary("Review my completed order: 1–5 stars and an optional comment, once, within 30 days (earns points)");
        group.MapGet("", Get).WithSummary("My review of an order");
    }

    private static async Task<Results<Created<OrderReviewResponse>, ProblemHttpResult>> Post(string orderId, OrderReviewRequest request, ClaimsPrincipal principal,
        O2oDb db, EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Range("rating", request.Rating, 1, 5).Text("comment", request.Comment, MaxComment, required: false);
        if (v.Error is not null) return v.Error.ToProblem();
        var customer = Actor.From(principal).UserId;
        var order = Guid.TryParse(orderId, out var id)
            ? await db.Set<Order>().AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(o => o.Id == id && o.CustomerId == customer, ct)
            : null;
        if (order is null) return OrderingErrors.OrderNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (order.Status != OrderStatus.Completed || order.ClosedAt is not { } closed) return OrderingErrors.NotReviewable.ToProblem();
        if (now - closed > Window) return OrderingErrors.ReviewWindowClosed.ToProblem();
        if (await db.Set<OrderReview>().AnyAsync(r => r.OrderId == id, ct)) return OrderingErrors.AlreadyReviewed.ToProblem();

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var review = new OrderReview { OrderId = id, CustomerId = customer, StoreId = order.StoreId, Rating = request.Rating!.Value, Comment = comment, At = now };
        db.Add(review);
        events.Publish(new OrderReviewed(id, customer, order.StoreId, review.Rating, comment?.Length ?? 0, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two reviews racing: the primary key lets one in.
            return OrderingErrors.AlreadyReviewed.ToProblem();
        }
        return TypedResults.Created($"/api/orders/{id}/review", View(review));
    }

    private static async Task<Results<Ok<OrderReviewResponse>, ProblemHttpResult>> Get(string orderId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        var review = Guid.TryParse(orderId, out var id)
            ? await db.Set<OrderReview>().AsNoTracking().FirstOrDefaultAsync(r => r.OrderId == id && r.CustomerId == customer, ct)
            : null;
        return review is null ? OrderingErrors.ReviewNotFound.ToProblem() : TypedResults.Ok(View(review));
    }

    private static OrderReviewResponse View(OrderReview r) => new(r.OrderId.ToString(), r.Rating, r.Comment, r.At);
}
