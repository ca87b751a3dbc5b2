using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

internal static class CreateStaff
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/staff", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Create a store staff member (bound to stores) or, for platform admins, a merchant admin");

    private static async Task<Results<Created<UserCreatedResponse>, ProblemHttpResult>> Handle(
        CreateStaffRequest request, ClaimsPrincipal principal, UserAccounts accounts, IStores stores, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var role = request.Role?.Trim() ?? Roles.StoreStaff;
        var v = new Validation();
        if (role is not (Roles.StoreStaff or Roles.MerchantAdmin)) v.Add("role", "Must be store_staff or merchant_admin.");
        if (role == Roles.StoreStaff && (request.StoreIds is null || request.StoreIds.Length == 0)) v.Add("storeIds", "A store staff member needs at least one store.");
        if (request.StoreIds is { Length: > 100 }) v.Add("storeIds", "At most 100 stores.");
        if (v.Error is not null) return v.Error.ToProblem();

        if (role == Roles.MerchantAdmin && !actor.IsPlatformAdmin) return Error.Forbidden.ToProblem();
        Guid? merchantId = actor.IsPlatformAdmin ? null : actor.MerchantId;
        if (role == Roles.MerchantAdmin)
        {
            if (!Guid.TryParse(request.MerchantId, out var requested) || !await stores.MerchantExistsAsync(requested, ct))
                return AccountsErrors.MerchantNotFound.ToProblem();
            merchantId = requested;
        }

        var storeIds = new List<Guid>();
        foreach (var raw in request.StoreIds ?? [])
        {
            var store = Guid.TryParse(raw, out var id) ? await stores.FindAsync(id, ct) : null;
            if (store is null || !actor.CanOperate(store)) return AccountsErrors.StoreNotFound.ToProblem();
            storeIds.Add(store.Id);
        }

        var created = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, null, [role], merchantId, storeIds, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/admin/staff/{created.Value.Id}", new UserCreatedResponse(created.Value.Id))
            : created.Error!.ToProblem();
    }
}
