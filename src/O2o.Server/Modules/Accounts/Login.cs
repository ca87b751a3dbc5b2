using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using O2o.Contracts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

internal static class Login
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", SignIn).AllowAnonymous().WithTags("Accounts").WithSummary("Sign in with email and password");
        api.MapPost("/auth/refresh", Refresh).AllowAnonymous().WithTags("Accounts").WithSummary("Trade a refresh token for new tokens");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignIn(
        LoginRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, Tokens tokens, CancellationToken ct)
    {
        var v = new Validation().Text("email", request.Email, 254).Text("password", request.Password, 128);
        if (v.Error is not null) return v.Error.ToProblem();

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null) return AccountsErrors.InvalidCredentials.ToProblem();
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut) return AccountsErrors.AccountLocked.ToProblem();
        if (!check.Succeeded) return AccountsErrors.InvalidCredentials.ToProblem();
        return TypedResults.Ok(await tokens.IssueAsync(user, ct));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest request, Tokens tokens, CancellationToken ct)
    {
        var v = new Validation().Text("refreshToken", request.RefreshToken, 200);
        if (v.Error is not null) return v.Error.ToProblem();
        var user = await tokens.RedeemAsync(request.RefreshToken!, ct);
        return user.IsSuccess ? TypedResults.Ok(await tokens.IssueAsync(user.Value, ct)) : user.Error!.ToProblem();
    }
}
