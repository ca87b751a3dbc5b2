using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Platform;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>One demo community leader (团长) with a pickup point.</summary>
public sealed record DemoLeader(string Email, string DisplayName, string Phone, string PickupPointName, string Address, double Lat, double Lng, string ShareCode);

/// <summary>The demo chain's community group buying: two approved leaders near the 24-hour Huaihai Road store and a running campaign.</summary>
public static class GroupBuyingDemo
{
    public static readonly DemoLeader[] Leaders =
    [
        new("leader.tianlin@o2o.demo", "张阿姨 Auntie Zhang", "13900139001", "田林十二村 3号楼门卫室", "上海市徐汇区田林路200弄 3号楼", 31.1726, 121.4267, "tianlinzhang1"),
        new("leader.xintiandi@o2o.demo", "李师傅 Master Li", "13900139002", "太平桥社区便民服务点", "上海市黄浦区自忠路 385号", 31.2178, 121.4745, "xintiandili22"),
    ];

    public static readonly Guid CampaignId = StableId.From("demo:groupbuy:campaign:strawberries");

    /// <summary>
    /// <paramref name="leaderUserIds"/> are the leaders' accounts in the order of <see cref="Leaders"/>. The campaign sells the
    /// product from the store at two thirds of its price, needs 10 customers, closes two days after the first start.
    /// </summary>
    public static async Task SeedAsync(O2oDb db, ICatalog catalog, Guid merchantId, IReadOnlyList<string> leaderUserIds, Guid storeId, Guid productId,
        DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 0; i < Leaders.Length; i++)
        {
            var l = Leaders[i];
            db.Add(new Leader
            {
                Id = StableId.From($"demo:groupbuy:leader:{l.Email}"), UserId = leaderUserIds[i], MerchantId = merchantId, PickupPointName = l.PickupPointName,
                Address = l.Address, Lat = l.Lat, Lng = l.Lng, Phone = l.Phone, Status = LeaderStatus.Approved, ShareCode = l.ShareCode,
                AppliedAt = now.AddDays(-7), DecidedAt = now.AddDays(-6), DecidedBy = "demo",
            });
        }
        var goods = (await catalog.GetAsync([productId], ct))[productId];
        db.Add(new Campaign
        {
            Id = CampaignId, MerchantId = merchantId, Title = $"{goods.NameZh} 社区拼团", ProductId = goods.Id, ProductName = goods.NameZh, StoreId = storeId,
            RegularPriceFen = goods.PriceFen, GroupPriceFen = goods.PriceFen * 2 / 3, MinParticipants = 10, CutoffAt = Campaign.WholeSecond(now.AddDays(2)),
            CommissionBasisPoints = 1000, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
