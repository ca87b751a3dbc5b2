using O2o.Web.Texts;

namespace O2o.Web.Shop;

/// <summary>A named place to search from, for customers whose browser does not share its position.</summary>
public sealed record Place(Text Name, double Lat, double Lng);

/// <summary>Where the customer is shopping in this tab: the position stores are searched from and the store chosen.</summary>
public sealed class ShopState
{
    public static readonly Place[] Places =
    [
        new(new("人民广场", "People's Square"), 31.2304, 121.4737),
        new(new("淮海中路", "Middle Huaihai Road"), 31.2243, 121.4687),
        new(new("静安寺", "Jing'an Temple"), 31.2235, 121.4455),
        new(new("陆家嘴", "Lujiazui"), 31.2397, 121.4998),
        new(new("徐家汇", "Xujiahui"), 31.1955, 121.4375),
        new(new("五角场", "Wujiaochang"), 31.3000, 121.5140),
    ];

    public double Lat { get; set; } = Places[0].Lat;
    public double Lng { get; set; } = Places[0].Lng;
    public string? StoreId { get; set; }
}
