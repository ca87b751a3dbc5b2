using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>The Accounts module's facade: what other modules may ask about people, and the accounts they create for people they manage (riders).</summary>
public interface IAccounts
{
    /// <summary>Which of these user ids are customers' accounts.</summary>
    Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct);

    /// <summary>Creates an account with one role, bound to stores, in the caller's transaction when there is one; its id.</summary>
    Task<Result<string>> CreateAsync(string? email, string? password, string? displayName, string? phone, string role, Guid? merchantId,
        IReadOnlyCollection<Guid> storeIds, CancellationToken ct);

    /// <summary>The one customer with this phone number (a member identifying at the counter); null when none, or when it is not unique.</summary>
    Task<string?> CustomerByPhoneAsync(string phone, CancellationToken ct);
}

internal sealed class AccountsFacade(O2oDb db, UserAccounts accounts) : IAccounts
{
    public async Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        (await db.UserRoles.AsNoTracking().Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles.Where(r => r.Name == Roles.Customer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct)).ToHashSet();

    public async Task<Result<string>> CreateAsync(string? email, string? password, string? displayName, string? phone, string role, Guid? merchantId,
        IReadOnlyCollection<Guid> storeIds, CancellationToken ct)
    {
        var created = await accounts.CreateAsync(email, password, displayName, phone, [role], merchantId, storeIds, ct);
        return created.IsSuccess ? created.Value.Id : created.Error!;
    }

    public async Task<string?> CustomerByPhoneAsync(string phone, CancellationToken ct)
    {
        var ids = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == phone)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Id, ur.RoleId })
            .Join(db.Roles.Where(r => r.Name == Roles.Customer), x => x.RoleId, r => r.Id, (x, _) => x.Id)
            .Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }
}
