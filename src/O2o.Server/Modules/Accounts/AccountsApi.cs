using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>The Accounts module's facade: what other modules may ask about people, and the accounts they create for people they manage (riders).</summary>
public interface IAccounts
{
    /// <summary>Which of these user ids are customers' accounts.</summary>
    Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct);

    /// <summary>The profiles of these customers (unknown ids are left out), with their phone for message channels.</summary>
    Task<IReadOnlyList<CustomerProfile>> ProfilesAsync(IReadOnlyCollection<string> customerIds, CancellationToken ct);

    /// <summary>Creates an account with one role, bound to stores, in the caller's transaction when there is one; its id.</summary>
    Task<Result<string>> CreateAsync(string? email, string? password, string? displayName, string? phone, string role, Guid? merchantId,
        IReadOnlyCollection<Guid> storeIds, CancellationToken ct);

    /// <summary>The one customer with this phone number (a member identifying at the counter); null when none, or when it is not unique.</summary>
    Task<string?> CustomerByPhoneAsync(string phone, CancellationToken ct);
}

/// <summary>The genders a profile may state.</summary>
public static class Genders
{
    public const string Female = "female";
    public const string Male = "male";
    public const string Other = "other";
    public static readonly string[] All = [Female, Male, Other];
}

/// <summary>What a customer told us about themselves; <paramref name="Phone"/> is for sending messages, never for logs.</summary>
public sealed record CustomerProfile(string CustomerId, DateOnly? BirthDate, string? Gender, string? City, string? Phone);

/// <summary>Raised in the transaction that changes a customer's profile (birth date, gender, city).</summary>
public sealed record CustomerProfileChanged(string CustomerId, DateOnly? BirthDate, string? Gender, string? City, DateTimeOffset At) : IDomainEvent;

internal sealed class AccountsFacade(O2oDb db, UserAccounts accounts) : IAccounts
{
    public async Task<IReadOnlySet<string>> ExistingCustomersAsync(IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        (await db.UserRoles.AsNoTracking().Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles.Where(r => r.Name == Roles.Customer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlyList<CustomerProfile>> ProfilesAsync(IReadOnlyCollection<string> customerIds, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => customerIds.Contains(u.Id))
            .Select(u => new CustomerProfile(u.Id, u.BirthDate, u.Gender, u.City, u.PhoneNumber)).ToListAsync(ct);

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
