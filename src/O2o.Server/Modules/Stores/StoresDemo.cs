using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

public sealed record DemoStoreRef(Guid Id, string Code);

/// <summary>The demo chain and its Shanghai stores.</summary>
public static class StoresDemo
{
    public static readonly Guid MerchantId = StableId.From("demo:merchant:freshneighbour");

    public static async Task<IReadOnlyList<DemoStoreRef>> SeedAsync(O2oDb db, DateTimeOffset now, CancellationToken ct)
    {
        db.Add(new Merchant { Id = MerchantId, Name = $"{StoresDemoData.MerchantNameZh} {StoresDemoData.MerchantNameEn}", CreatedAt = now });
        var refs = new List<DemoStoreRef>();
        foreach (var s in StoresDemoData.Stores)
        {
            var store = new Store
            {
                Id = StableId.From($"demo:store:{s.Code}"),
                MerchantId = MerchantId,
                Name = s.NameZh,
                NameEn = s.NameEn,
                Address = s.AddressZh,
                Lat = s.Lat,
                Lng = s.Lng,
                Phone = s.Phone,
                Services = s.Services.ToList(),
                DeliveryRadiusKm = s.DeliveryRadiusKm,
                OpeningHours = s.OpeningHours.Select(h =>
                {
                    OpeningPeriod.TryParseTime(h.Opens, false, out var opens);
                    OpeningPeriod.TryParseTime(h.Closes, true, out var closes);
                    return new OpeningPeriod(h.Day, opens, closes);
                }).ToList(),
                CreatedAt = now,
            };
            db.Add(store);
            refs.Add(new DemoStoreRef(store.Id, s.Code));
        }
        await db.SaveChangesAsync(ct);
        return refs;
    }
}
