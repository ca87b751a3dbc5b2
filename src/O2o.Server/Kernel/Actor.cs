using System.Security.Claims;

namespace O2o.Server.Kernel;

/// <summary>Role names as they appear on tokens and in the contract.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string StoreStaff = "store_staff";
    public const string MerchantAdmin = "merchant_admin";
    public const string PlatformAdmin = "platform_admin";
    public const string Rider = "rider";

    public static readonly string[] All = [Customer, StoreStaff, MerchantAdmin, PlatformAdmin, Rider];
}

/// <summary>Claim types the platform puts on access tokens.</summary>
public static class O2oClaims
{
    public const string UserId = "sub";
    public const string Role = "role";
    public const string MerchantId = "merchant";
    public const string Store = "store";
}

/// <summary>Who is calling: read from the access token.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, Guid? MerchantId, IReadOnlySet<Guid> StoreIds)
{
    public bool Is(string role) => Roles.Contains(role);
    public bool IsPlatformAdmin => Is(Kernel.Roles.PlatformAdmin);
    public bool IsAdmin => IsPlatformAdmin || Is(Kernel.Roles.MerchantAdmin);

    public static Actor From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(O2oClaims.UserId) ?? throw new InvalidOperationException("No subject on an authenticated principal.");
        var roles = principal.FindAll(O2oClaims.Role).Select(c => c.Value).ToHashSet();
        var merchant = Guid.TryParse(principal.FindFirstValue(O2oClaims.MerchantId), out var m) ? m : (Guid?)null;
        var stores = principal.FindAll(O2oClaims.Store).Select(c => Guid.TryParse(c.Value, out var s) ? s : Guid.Empty)
            .Where(s => s != Guid.Empty).ToHashSet();
        return new Actor(id, roles, merchant, stores);
    }
}
