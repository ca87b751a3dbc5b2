using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>Demo riders: at every delivering store an e-bike rider and a delivery robot, signing in as rider.&lt;store code&gt;.&lt;n&gt;@o2o.demo.</summary>
public static class DeliveryDemo
{
    private static readonly (string Vehicle, string NameZh, string NameEn)[] Crew = [(Vehicles.EBike, "骑手", "rider"), (Vehicles.Robot, "无人车", "robot")];

    public static string RiderEmail(string storeCode, int n) => $"rider.{storeCode.ToLowerInvariant()}.{n}@o2o.demo";

    /// <summary>A demo rider's id is derived from their account, so the simulator knows them and can never mistake a real rider (random ids) for one.</summary>
    internal static bool IsDemoRider(Rider rider) => rider.Id == StableId.From($"demo:rider:{rider.UserId}");

    public static async Task<int> SeedAsync(IServiceProvider services, IEnumerable<(Guid StoreId, string Code, Guid MerchantId)> deliveringStores,
        DateTimeOffset now, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<IAccounts>();
        var db = services.GetRequiredService<O2oDb>();
        var count = 0;
        foreach (var (storeId, code, merchantId) in deliveringStores)
            for (var n = 1; n <= Crew.Length; n++)
            {
                var (vehicle, zh, en) = Crew[n - 1];
                var name = $"{code} {zh} {en} {n}";
                var account = await accounts.CreateAsync(RiderEmail(code, n), AccountsDemo.Password, name, "13900139000", Roles.Rider, merchantId, [storeId], ct);
                if (!account.IsSuccess) throw new InvalidOperationException($"Demo rider {code}.{n}: {account.Error!.Detail}");
                db.Add(new Rider
                {
                    Id = StableId.From($"demo:rider:{account.Value}"), UserId = account.Value, Name = name, Phone = "13900139000", VehicleType = vehicle,
                    Capacity = Vehicles.Of(vehicle).Capacity, StoreIds = [storeId], CreatedAt = now,
                });
                count++;
            }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
