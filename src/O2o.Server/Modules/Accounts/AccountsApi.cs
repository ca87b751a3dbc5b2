using O2o.Server.Kernel;

namespace O2o.Server.Modules.Accounts;

/// <summary>The Accounts module's facade: other modules create accounts for the people they manage (riders) through it.</summary>
public interface IAccounts
{
    /// <summary>Creates a signed-in-able account with one role, bound to stores, in the caller's transaction when there is one; its id.</summary>
    Task<Result<string>> CreateAsync(string? email, string? password, string? displayName, string? phone, string role, Guid? merchantId,
        IReadOnlyCollection<Guid> storeIds, CancellationToken ct);
}

internal sealed class AccountsFacade(UserAccounts accounts) : IAccounts
{
    public async Task<Result<string>> CreateAsync(string? email, string? password, string? displayName, string? phone, string role, Guid? merchantId,
        IReadOnlyCollection<Guid> storeIds, CancellationToken ct)
    {
        var created = await accounts.CreateAsync(email, password, displayName, phone, [role], merchantId, storeIds, ct);
        return created.IsSuccess ? created.Value.Id : created.Error!;
    }
}
