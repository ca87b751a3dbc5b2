using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

internal static class Register
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/register", Handle).AllowAnonymous().WithTags("Accounts").WithSummary("Create a customer account");

    private static async Task<Results<Created<UserCreatedResponse>, ProblemHttpResult>> Handle(
        RegisterRequest request, UserAccounts accounts, CancellationToken ct)
    {
        var result = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, request.Phone, [Roles.Customer], null, [], ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/me", new UserCreatedResponse(result.Value.Id))
            : result.Error!.ToProblem();
    }
}

/// <summary>Creates accounts of every role with the same validation and password policy.</summary>
internal sealed class UserAccounts(UserManager<AppUser> users, O2oDb db, TimeProvider clock)
{
    public async Task<Result<AppUser>> CreateAsync(string? email, string? password, string? displayName, string? phone,
        string[] roles, Guid? merchantId, IReadOnlyCollection<Guid> storeIds, CancellationToken ct)
    {
        var v = new Validation().Email("email", email).Text("password", password, 128).Text("displayName", displayName, 100).Phone("phone", phone, required: false);
        if (v.Error is not null) return v.Error;
        if (await users.FindByEmailAsync(email!.Trim()) is not null) return AccountsErrors.AccountExists;

        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName!.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            MerchantId = merchantId,
            CreatedAt = clock.GetUtcNow(),
        };
        return await db.InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user, password!);
            if (!created.Succeeded)
            {
                if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) return AccountsErrors.AccountExists;
                return Error.Validation(new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
            }
            foreach (var role in roles)
                await users.AddToRoleAsync(user, role);
            foreach (var store in storeIds.Distinct())
                db.Set<StaffStore>().Add(new StaffStore { UserId = user.Id, StoreId = store });
            await db.SaveChangesAsync(ct);
            return (Result<AppUser>)user;
        }, r => r.IsSuccess, ct);
    }
}
