using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

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

    /// <summary>
    /// Gives the demo customer a profile, and adds <paramref name="count"/> demo shoppers with profiles (mostly in 上海) for segments and
    /// campaigns. Shoppers have no password (nobody signs in as them), so thousands are written in one go instead of hashed one by one.
    /// </summary>
    public static async Task<IReadOnlyList<CustomerProfile>> SeedShoppersAsync(O2oDb db, string customerId, int count, DateTimeOffset now, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == customerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.BirthDate, new DateOnly(1992, 8, 16))
            .SetProperty(x => x.Gender, Genders.Male).SetProperty(x => x.City, "上海"), ct);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Customer).Select(r => r.Id).FirstAsync(ct);
        string[] cities = ["上海", "上海", "上海", "上海", "上海", "上海", "上海", "苏州", "杭州", "南京"];
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
        var random = new Random(20261111);
        var today = ChinaTime.Today(now);
        var shoppers = new List<CustomerProfile>();
        for (var i = 1; i <= count; i++)
        {
            var id = StableId.From($"demo:shopper:{i}").ToString();
            var email = $"shopper{i:D4}@o2o.demo";
            var born = today.AddYears(-(18 + (int)Math.Min(52, Math.Abs(random.NextDouble() + random.NextDouble() - 1) * 40 + random.Next(8)))).AddDays(-random.Next(365));
            var profile = new CustomerProfile(id, born, random.NextDouble() < 0.56 ? Genders.Female : random.NextDouble() < 0.97 ? Genders.Male : Genders.Other,
                cities[random.Next(cities.Length)], random.NextDouble() < 0.8 ? $"139{i:D8}" : null);
            shoppers.Add(profile);
            db.Add(new AppUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"{surnames[i % surnames.Length]}顾客{i:D4} Demo shopper", PhoneNumber = profile.Phone, SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now.AddDays(-400), BirthDate = profile.BirthDate, Gender = profile.Gender, City = profile.City,
            });
            db.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        }
        await db.SaveChangesAsync(ct);
        return shoppers;
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
