using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Analytics;

/// <summary>What a dashboard covers: its stores, and how orders and funnel rows are narrowed to them (null: no narrowing).</summary>
internal sealed record DashboardScope(IReadOnlyList<StoreInfo> Stores, IReadOnlyCollection<Guid>? StoreFilter, Guid? MerchantFilter);

internal static class GetDashboard
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/admin/analytics/dashboard", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration")
            .WithSummary("Sales dashboard: today, the last days (days 1..90, default 30), per store, paid orders per hour, funnel")
            .WithDescription(
                "Platform admins see every store, merchant admins their own (another merchant's storeId is 404 store_not_found); storeId narrows to one store. " +
                "Days and hours are Beijing time (Asia/Shanghai): today is the calendar day so far, the period the last `days` calendar days including today. " +
                "gmvFen is the total of orders paid in the window (by payment time, whatever became of them later) less the refunds confirmed in the same window, " +
                "so it is net of refunds; paidOrders counts those orders and averageOrderFen is gmvFen / paidOrders; pickupShare and deliveryShare are shares of " +
                "paidOrders (0..1). ordersPerHour has the last 24 hours, oldest first, every hour present, each the paid orders of the hour starting at `hour` (+08:00). " +
                "funnel counts over the period, in order: view_store (store pages), view_product (product pages), add_to_cart, place_order (orders placed), pay (orders paid); " +
                "cart adds name no store, so with storeId they are those of no store and the funnel's first three steps count only what named that store.");

    private static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> Handle(
        string? days, string? storeId, ClaimsPrincipal principal, IStores stores, DashboardFigures figures, CancellationToken ct)
    {
        var period = DefaultDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out period) || period is < 1 or > MaxDays))
            return Error.Validation("days", $"A whole number of days from 1 to {MaxDays}.").ToProblem();

        var actor = Actor.From(principal);
        DashboardScope scope;
        if (storeId is not null)
        {
            var store = await stores.FindOperableAsync(storeId, actor, ct);
            if (store is null) return AnalyticsErrors.StoreNotFound.ToProblem();
            scope = new DashboardScope([store], [store.Id], null);
        }
        else if (actor.IsPlatformAdmin)
        {
            scope = new DashboardScope(await stores.ListAsync(null, ct), null, null);
        }
        else
        {
            var merchant = actor.MerchantId ?? Guid.Empty;
            var own = await stores.ListAsync(merchant, ct);
            scope = new DashboardScope(own, own.Select(s => s.Id).ToList(), merchant);
        }
        return TypedResults.Ok(await figures.BuildAsync(scope, period, ct));
    }
}

internal static class AnalyticsErrors
{
    public static readonly Error StoreNotFound = Error.NotFound("store_not_found", "The store");
}
