using O2o.Server.Kernel;

namespace O2o.Server.Modules.Accounts;

internal static class AccountsErrors
{
    public static readonly Error AccountExists = Error.Conflict("account_exists", "An account with this email already exists.");
    public static readonly Error InvalidCredentials = new("invalid_credentials", 401, "Unauthorized", "The email or password is wrong.");
    public static readonly Error AccountLocked = new("account_locked", 401, "Unauthorized", "Too many failed sign-ins: the account is locked for a few minutes.");
    public static readonly Error InvalidRefreshToken = new("invalid_refresh_token", 401, "Unauthorized", "The refresh token is unknown, expired or already used.");
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "A store");
    public static readonly Error MerchantNotFound = Error.NotFound("merchant_not_found", "The merchant");
}
