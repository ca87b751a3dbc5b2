using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>Points for activities: a daily sign-in (签到) on the platform's calendar, with a bonus every seventh day in a row, and order reviews.</summary>
internal static class SignIn
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/me/loyalty/sign-in", Handle).RequireAuthorization(Policies.Customer).WithTags("Loyalty")
            .WithSummary("Daily sign-in (签到): points once a day, a bonus on every seventh day in a row");

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> Handle(ClaimsPrincipal principal, O2oDb db, PointsBook book,
        IOptions<LoyaltyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        var customer = Actor.From(principal).UserId;
        var now = clock.GetUtcNow();
        var today = MyMembership.LocalDay(o, now);
        var result = await db.InTransactionAsync(async () =>
        {
            var member = await book.LockAsync(customer, now, ct);
            if (member.LastSignIn == today) return (Result<SignInResponse>)LoyaltyErrors.AlreadySignedIn;
            var streak = member.LastSignIn == today.AddDays(-1) ? member.SignInStreak + 1 : 1;
            var points = o.SignInPoints + (streak % 7 == 0 ? o.WeeklyStreakBonus : 0);
            await db.Set<Member>().Where(m => m.CustomerId == customer)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastSignIn, today).SetProperty(m => m.SignInStreak, streak), ct);
            await book.EarnAsync(customer, PointsKinds.SignIn, points, $"sign_in:{customer}:{today:yyyyMMdd}", null, $"day {streak}", now, now, ct);
            var balance = await db.Set<Member>().AsNoTracking().Where(m => m.CustomerId == customer).Select(m => m.Balance).FirstAsync(ct);
            return new SignInResponse(points, streak, balance);
        }, r => r.IsSuccess, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }
}

/// <summary>A review earns points once per order, more with a written comment.</summary>
internal sealed class OnOrderReviewed(PointsBook book, IOptions<LoyaltyOptions> options, TimeProvider clock) : IEventHandler<OrderReviewed>
{
    public const int CommentForBonus = 15;

    public Task HandleAsync(OrderReviewed e, CancellationToken ct)
    {
        var o = options.Value;
        var points = o.ReviewPoints + (e.CommentLength >= CommentForBonus ? o.ReviewCommentBonus : 0);
        var now = clock.GetUtcNow();
        return book.EarnAsync(e.CustomerId, PointsKinds.Review, points, $"review:{e.OrderId:N}", e.OrderId, null, e.At, now, ct);
    }
}
