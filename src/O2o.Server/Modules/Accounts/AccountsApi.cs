using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>The Accounts module's facade: what other modules may ask about people.</summary>
public interface IAccounts
{
    /// <summary>Which of these user ids are customers' accounts.</summary>
    Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct);
}

internal sealed class AccountsFacade(O2oDb db) : IAccounts
{
    public async Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        (await db.UserRoles.AsNoTracking().Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles.Where(r => r.Name == Roles.Customer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct)).ToHashSet();
}
