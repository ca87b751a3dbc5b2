using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>A customer states their birth date, gender and city, which segments and campaigns use; the change is published for them.</summary>
internal static class UpdateProfile
{
    public const int MaxCityLength = 40;
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/me/profile", Handle).RequireAuthorization(Policies.Customer).WithTags("Accounts")
            .WithSummary("Set my profile: birth date, gender (female, male, other) and city; each may be null");

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Handle(UpdateProfileRequest request, ClaimsPrincipal principal, O2oDb db,
        EventBus events, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validation();
        if (request.BirthDate is { } born && (born < Earliest || born > ChinaTime.Today(now)))
            v.Add("birthDate", "Must be from 1900-01-01 to today.");
        if (request.Gender is { } gender && !Genders.All.Contains(gender)) v.Add("gender", $"One of {string.Join(", ", Genders.All)}.");
        if (request.City is { } city && (city.Trim().Length > MaxCityLength)) v.Add("city", $"At most {MaxCityLength} characters.");
        if (v.Error is not null) return v.Error.ToProblem();

        var actor = Actor.From(principal);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null) return Error.NotFound("account_not_found", "The account").ToProblem();
        user.BirthDate = request.BirthDate;
        user.Gender = request.Gender;
        user.City = string.IsNullOrWhiteSpace(request.City) ? null : request.City.Trim();
        events.Publish(new CustomerProfileChanged(user.Id, user.BirthDate, user.Gender, user.City, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, [.. actor.Roles.Order()], [.. actor.StoreIds.Select(s => s.ToString()).Order()], user.MerchantId?.ToString(), user.BirthDate, user.Gender, user.City));
    }
}
