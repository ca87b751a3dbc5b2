using Microsoft.AspNetCore.Identity;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Accounts;

/// <summary>Demo logins: one customer, one merchant admin, one staff member per store. All share one password.</summary>
public static class AccountsDemo
{
    public const string Password = "Demo123!";
    public const string CustomerEmail = "customer@o2o.demo";
    public const string MerchantAdminEmail = "merchant@o2o.demo";

    public static string StaffEmail(string storeCode) => $"staff.{storeCode.ToLowerInvariant()}@o2o.demo";

    public static async Task SeedAsync(IServiceProvider services, Guid merchantId, IEnumerable<(Guid StoreId, string Code, string Name)> stores, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        await Create(accounts.CreateAsync(CustomerEmail, Password, "王小明 Wang Xiaoming", "13800138000", [Roles.Customer], null, [], ct));
        await Create(accounts.CreateAsync(MerchantAdminEmail, Password, "鲜邻生活运营 FreshNeighbour Ops", null, [Roles.MerchantAdmin], merchantId, [], ct));
        foreach (var (storeId, code, name) in stores)
            await Create(accounts.CreateAsync(StaffEmail(code), Password, $"{name} 店员 Staff", null, [Roles.StoreStaff], merchantId, [storeId], ct));
    }

    /// <summary>Another demo customer (a community leader, say), created once; returns the user id.</summary>
    public static async Task<string> SeedCustomerAsync(IServiceProvider services, string email, string displayName, string phone, CancellationToken ct)
    {
        await Create(services.GetRequiredService<UserAccounts>().CreateAsync(email, Password, displayName, phone, [Roles.Customer], null, [], ct));
        return (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>The demo customer's user id, once <see cref="SeedAsync"/> has run.</summary>
    public static async Task<string> CustomerIdAsync(IServiceProvider services) =>
        (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(CustomerEmail))?.Id
        ?? throw new InvalidOperationException("The demo customer has not been created.");

    private static async Task Create(Task<Result<AppUser>> creation)
    {
        var result = await creation;
        if (!result.IsSuccess && result.Error!.Code != "account_exists")
            throw new InvalidOperationException($"A demo account could not be created: {result.Error.Detail}");
    }
}
