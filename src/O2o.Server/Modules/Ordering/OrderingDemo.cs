using O2o.Server.Modules.Delivery;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ordering;

/// <summary>Orders placed at one demo store on one Beijing day.</summary>
public sealed record DemoOrderDay(Guid StoreId, DateOnly Day, int Placed);

/// <summary>
/// Past orders for the demo, so dashboards have a month of history on first start. They are real orders (same
/// aggregate, same state machine, timestamps in the past) marked <see cref="HistorySource"/>; all are closed, so they
/// hold no stock and no pickup codes. Their sales predate the opening stock count, and they were paid before this
/// platform kept payments, so they have no payment or ledger rows.
/// </summary>
public static class OrderingDemo
{
    public const string HistorySource = "demo_history";
    private static readonly int[] HourWeights = [0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 5, 8, 9, 6, 4, 4, 5, 8, 10, 9, 6, 4, 2, 0];

    public static async Task<IReadOnlyList<DemoOrderDay>> SeedHistoryAsync(IServiceProvider services, IReadOnlyList<Guid> storeIds,
        IReadOnlyList<Guid> productIds, string customerId, DateTimeOffset now, int days, CancellationToken ct, List<OrderCompleted>? completed = null)
    {
        var db = services.GetRequiredService<O2oDb>();
        var delivery = services.GetRequiredService<IDeliveryQuotes>();
        var products = (await services.GetRequiredService<ICatalog>().GetAsync(productIds, ct)).Values.OrderBy(p => p.Sku).ToList();
        var random = new Random(20260301);
        var placed = new List<DemoOrderDay>();
        // Thousands of new orders: looking for changes after each Add would cost more than writing them.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var storeId in storeIds)
            {
                var store = await services.GetRequiredService<IStores>().FindAsync(storeId, ct) ?? throw new InvalidOperationException($"Demo store {storeId} is missing.");
                placed.AddRange(AddStoreHistory(db, store, products, customerId, now, days, delivery, random, completed));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return placed;
    }

    private static List<DemoOrderDay> AddStoreHistory(O2oDb db, StoreInfo store, List<ProductInfo> products, string customerId, DateTimeOffset now, int days,
        IDeliveryQuotes delivery, Random random, List<OrderCompleted>? completed)
    {
        var today = ChinaTime.Today(now);
        var busyness = 1 + random.Next(4);
        var placed = new List<DemoOrderDay>();
        for (var back = days - 1; back >= 0; back--)
        {
            var day = today.AddDays(-back);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = 0;
            for (var i = busyness + (weekend ? 2 : 0) + random.Next(3); i > 0; i--)
            {
                var createdAt = ChinaTime.StartOf(day).AddHours(PickHour(random)).AddMinutes(random.Next(60)).ToUniversalTime(); // timestamptz takes UTC only
                if (createdAt > now - TimeSpan.FromHours(1)) continue; // history ends with orders already closed
                var order = HistoricOrder(store, products, customerId, createdAt, delivery, random);
                db.Add(order);
                if (order.Status == OrderStatus.Completed)
                    completed?.Add(new OrderCompleted(order.Id, customerId, store.Id, order.FulfillmentType, order.TotalFen, order.PaidAt!.Value, order.ClosedAt!.Value));
                count++;
            }
            placed.Add(new DemoOrderDay(store.Id, day, count));
        }
        return placed;
    }

    private static Order HistoricOrder(StoreInfo store, List<ProductInfo> products, string customerId, DateTimeOffset at, IDeliveryQuotes delivery, Random random)
    {
        var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => products[random.Next(products.Count)]).DistinctBy(p => p.Id)
            .Select(p => new OrderLine { ProductId = p.Id, Sku = p.Sku, NameZh = p.NameZh, NameEn = p.NameEn, UnitPriceFen = p.PriceFen, Quantity = 1 + random.Next(2) })
            .ToList();
        var byDelivery = store.Offers(FulfillmentType.Delivery) && random.NextDouble() < 0.4;
        DeliveryAddress? address = null;
        double? km = null;
        if (byDelivery)
        {
            address = new DeliveryAddress
            {
                Line = "上海市（演示地址）", Lat = store.Lat + (random.NextDouble() - 0.5) * 0.03, Lng = store.Lng + (random.NextDouble() - 0.5) * 0.03,
                ContactName = "王小明", ContactPhone = "13800138000",
            };
            km = Math.Round(Geo.DistanceKm(store.Lat, store.Lng, address.Lat, address.Lng), 3);
        }
        var order = Order.Place(customerId, store.Id, byDelivery ? FulfillmentType.Delivery : FulfillmentType.Pickup, address, km, lines,
            byDelivery ? delivery.FeeFor(km!.Value, DeliverySpeeds.Express) : 0, at, TimeSpan.FromMinutes(15), HistorySource);
        if (random.NextDouble() < 0.06)
        {
            order.TransitionTo(OrderStatus.Cancelled, at.AddMinutes(15), "payment_timeout");
            return order;
        }
        var paidAt = at.AddMinutes(1 + random.Next(4));
        order.MarkPaid(StableId.From($"demo:payment:{order.Id}"), RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6"), paidAt);
        order.TransitionTo(OrderStatus.Preparing, paidAt.AddMinutes(3), null);
        order.TransitionTo(byDelivery ? OrderStatus.OutForDelivery : OrderStatus.ReadyForPickup, paidAt.AddMinutes(15), null);
        order.TransitionTo(OrderStatus.Completed, paidAt.AddMinutes(30 + random.Next(20)), byDelivery ? null : "picked up");
        return order;
    }

    private static int PickHour(Random random)
    {
        var roll = random.Next(HourWeights.Sum());
        for (var hour = 0; hour < HourWeights.Length; hour++)
            if ((roll -= HourWeights[hour]) < 0) return hour;
        return 12;
    }
}
