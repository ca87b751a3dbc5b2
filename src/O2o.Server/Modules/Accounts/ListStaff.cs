using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>Staff accounts (store staff and merchant admins): platform admins see all, a merchant admin the merchant's own.</summary>
internal static class ListStaff
{
    public const int MaxPageSize = 200;
    private static readonly string[] StaffRoles = [Roles.StoreStaff, Roles.MerchantAdmin];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/staff", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Staff accounts by email, a page at a time (page, pageSize; X-Total-Count): all for platform admins, the merchant's for a merchant admin");

    private static async Task<IResult> Handle(int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, MaxPageSize);
        if (v.Error is { } invalid) return invalid.ToProblem();
        var actor = Actor.From(principal);

        var staffRoleIds = db.Set<IdentityRole>().Where(r => StaffRoles.Contains(r.Name!)).Select(r => r.Id);
        var staffIds = db.Set<IdentityUserRole<string>>().Where(ur => staffRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = db.Set<AppUser>().AsNoTracking().Where(u => staffIds.Contains(u.Id));
        List<Guid>? ownStores = null;
        if (!actor.IsPlatformAdmin)
        {
            if (actor.MerchantId is not { } merchant) return Error.Forbidden.ToProblem();
            // Staff a platform admin created carry no merchant: they are the merchant's through the stores they work at.
            ownStores = [.. (await stores.ListAsync(merchant, ct)).Select(s => s.Id)];
            var boundHere = db.Set<StaffStore>().Where(s => ownStores.Contains(s.StoreId)).Select(s => s.UserId);
            users = users.Where(u => u.MerchantId == merchant || boundHere.Contains(u.Id));
        }

        var found = await Paging.PageAsync(users.OrderBy(u => u.Email).ThenBy(u => u.Id), page, pageSize, http, ct);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await db.Set<IdentityUserRole<string>>().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Set<IdentityRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var bound = await db.Set<StaffStore>().Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        return Results.Ok(found.Select(u => new StaffMemberResponse(u.Id, u.Email!, u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray(),
            bound.Where(s => s.UserId == u.Id && (ownStores is null || ownStores.Contains(s.StoreId))).Select(s => s.StoreId.ToString()).Order(StringComparer.Ordinal).ToArray(),
            u.MerchantId?.ToString(), u.CreatedAt)).ToList());
    }
}
