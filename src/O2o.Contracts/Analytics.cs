namespace O2o.Contracts;

/// <summary>Sales of a Beijing calendar day (today so far): GMV in fen, paid orders, average order, shares of pickup and delivery (0..1).</summary>
public sealed record DaySales(long GmvFen, int PaidOrders, long AverageOrderFen, double PickupShare, double DeliveryShare);

/// <summary>The same over the last <see cref="Days"/> Beijing calendar days, today included.</summary>
public sealed record PeriodSales(int Days, long GmvFen, int PaidOrders, long AverageOrderFen, double PickupShare, double DeliveryShare);

public sealed record StoreSales(string StoreId, string Name, long GmvFen, int PaidOrders, long AverageOrderFen);

/// <summary>Paid orders in the hour starting at <see cref="Hour"/> (+08:00).</summary>
public sealed record HourOrders(DateTimeOffset Hour, int Orders);

public sealed record FunnelCount(string Step, long Count);

public sealed record DashboardResponse(DaySales Today, PeriodSales Period, StoreSales[] Stores, HourOrders[] OrdersPerHour, FunnelCount[] Funnel);
