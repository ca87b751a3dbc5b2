using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Analytics;
using O2o.Server.Modules.Bookings;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Delivery;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.GroupBuying;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Modules.Vouchers;

namespace O2o.Server.Platform;

public sealed class DemoOptions
{
    /// <summary>Seed the demo Shanghai on first start; null means yes for the embedded SQLite database.</summary>
    public bool? Seed { get; set; }
}

/// <summary>A realistic Shanghai to try the platform on: the same stores, products, stock and logins on every fresh start.</summary>
public static class DemoWorld
{
    private const int HistoryDays = 30;
    private const int DemoShoppers = 1000;

    public static async Task SeedIfEmptyAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<O2oDb>();
        if (await db.Set<Merchant>().AnyAsync(m => m.Id == StoresDemo.MerchantId, ct)) return;

        var watch = Stopwatch.StartNew();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        logger.LogInformation("Seeding the demo world (first start) ... 正在生成演示数据");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stores = await StoresDemo.SeedAsync(db, now, ct);
        logger.LogInformation("  [1/5] {Count} stores in Shanghai", stores.Count);
        var products = await CatalogDemo.SeedAsync(db, StoresDemo.MerchantId, now, ct);
        logger.LogInformation("  [2/5] {Count} products in {Categories} categories", products.Count, CatalogDemoData.Categories.Length);
        await InventoryDemo.SeedAsync(db, stores.Select(s => s.Id).ToList(), products, now, ct);
        var vouchers = await CatalogDemo.SeedVouchersAsync(db, StoresDemo.MerchantId, now, ct);
        await VouchersDemo.SeedAsync(db, vouchers, StoresDemo.MerchantId, stores.Select(s => s.Id).ToList(), now, ct);
        var serviceProducts = await CatalogDemo.SeedServicesAsync(db, StoresDemo.MerchantId, now, ct);
        await BookingsDemo.SeedAsync(db, serviceProducts, StoresDemo.MerchantId, stores.Select(s => s.Id).ToList(), now, ct);
        logger.LogInformation("  [3/5] stock for {Count} store-product pairs, 2 voucher offers, 2 bookable services", stores.Count * products.Count);
        await AccountsDemo.SeedAsync(sp, StoresDemo.MerchantId,
            stores.Select(s => (s.Id, s.Code, StoresDemoData.Stores.First(d => d.Code == s.Code).NameZh)), ct);
        logger.LogInformation("  [4/5] demo logins: {Customer}, {Merchant}, staff.<store code>@o2o.demo (password {Password})",
            AccountsDemo.CustomerEmail, AccountsDemo.MerchantAdminEmail, AccountsDemo.Password);
        var riders = await DeliveryDemo.SeedAsync(sp, stores.Where(s => StoresDemoData.Stores.First(d => d.Code == s.Code).Services.Contains("delivery"))
            .Select(s => (s.Id, s.Code, StoresDemo.MerchantId)), now, ct);
        logger.LogInformation("  {Count} riders (e-bikes and robots), rider.<store code>.<n>@o2o.demo", riders);
        var leaderIds = new List<string>();
        foreach (var leader in GroupBuyingDemo.Leaders)
            leaderIds.Add(await AccountsDemo.SeedCustomerAsync(sp, leader.Email, leader.DisplayName, leader.Phone, ct));
        await GroupBuyingDemo.SeedAsync(db, sp.GetRequiredService<ICatalog>(), StoresDemo.MerchantId, leaderIds,
            stores.First(s => s.Code == "SH-HP-01").Id, StableId.From("demo:product:FV-0010"), now, ct);
        logger.LogInformation("  community leaders {Leaders} and a running group buy", string.Join(", ", GroupBuyingDemo.Leaders.Select(l => l.Email)));
        await PromotionsDemo.SeedAsync(db, StoresDemo.MerchantId, await AccountsDemo.CustomerIdAsync(sp), now, ct);
        logger.LogInformation("  promotions 满100减20, 第二件半价, a member price; coupons in the demo customer's wallet and the code {Code}", PromotionsDemo.WelcomeCode);
        var engagementWatch = Stopwatch.StartNew();
        var shoppers = await AccountsDemo.SeedShoppersAsync(db, await AccountsDemo.CustomerIdAsync(sp), DemoShoppers, now, ct);
        await EngagementDemo.SeedAsync(db, StoresDemo.MerchantId, shoppers, await AccountsDemo.CustomerIdAsync(sp), stores.Select(s => s.Id).ToList(), now,
            (launchedAt, days, coupons) => PromotionsDemo.SeedWinBackCouponsAsync(db, StoresDemo.MerchantId, launchedAt, days, coupons, ct), ct);
        logger.LogInformation("  {Count} demo shoppers with a year of purchases, 4 segments and the campaign 双十一回归礼 with its report ({Elapsed:0.0}s)",
            shoppers.Count, engagementWatch.Elapsed.TotalSeconds);
        var historyWatch = Stopwatch.StartNew();
        var completed = new List<OrderCompleted>();
        var history = await OrderingDemo.SeedHistoryAsync(sp, stores.Select(s => s.Id).ToList(), products, await AccountsDemo.CustomerIdAsync(sp), now, HistoryDays, ct,
            completed);
        await LoyaltyDemo.SeedAsync(db, sp.GetRequiredService<EventBus>(), completed, now, ct);
        logger.LogInformation("  membership of the demo customer from {Orders} completed orders: points, tier and a sign-in streak", completed.Count);
        await AnalyticsDemo.SeedAsync(db, StoresDemo.MerchantId, history.Select(h => (h.StoreId, h.Day, h.Placed)), ct);
        logger.LogInformation("  [5/5] {Count} past orders over {Days} days, for the dashboard ({Elapsed:0.0}s)", history.Sum(h => h.Placed), HistoryDays, historyWatch.Elapsed.TotalSeconds);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Demo world ready in {Elapsed:0.0}s", watch.Elapsed.TotalSeconds);
    }
}
