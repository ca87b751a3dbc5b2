namespace O2o.Web.Admin;

// The answer of GET /api/admin/analytics/dashboard as the consoles read it.
public sealed record DaySales(long GmvFen, int PaidOrders, long AverageOrderFen, double PickupShare, double DeliveryShare);
public sealed record PeriodSales(int Days, long GmvFen, int PaidOrders, long AverageOrderFen, double PickupShare, double DeliveryShare);
public sealed record StoreSales(string StoreId, string Name, long GmvFen, int PaidOrders, long AverageOrderFen);
public sealed record HourOrders(DateTimeOffset Hour, int Orders);
public sealed record FunnelCount(string Step, long Count);
public sealed record DashboardResponse(DaySales Today, PeriodSales Period, StoreSales[] Stores, HourOrders[] OrdersPerHour, FunnelCount[] Funnel);
