using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

internal static class GetMe
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", Handle).RequireAuthorization().WithTags("Accounts").WithSummary("Who am I");

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Handle(
        ClaimsPrincipal principal, UserManager<AppUser> users, O2oDb db, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Actor.From(principal).UserId);
        if (user is null) return Error.NotFound("account_not_found", "The account").ToProblem();
        var roles = (await users.GetRolesAsync(user)).Order().ToArray();
        var stores = await db.Set<StaffStore>().Where(s => s.UserId == user.Id).Select(s => s.StoreId).ToListAsync(ct);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, roles,
            stores.Select(s => s.ToString()).Order().ToArray(), user.MerchantId?.ToString(),
            user.BirthDate, user.Gender, user.City));
    }
}
