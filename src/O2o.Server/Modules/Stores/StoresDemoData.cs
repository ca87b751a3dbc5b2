namespace O2o.Server.Modules.Stores;

internal sealed record DemoOpeningHours(DayOfWeek Day, string Opens, string Closes);
internal sealed record DemoStore(string Code, string NameZh, string NameEn, string AddressZh, string AddressEn, string District, double Lat, double Lng, string Phone, string[] Services, double DeliveryRadiusKm, DemoOpeningHours[] OpeningHours);

/// <summary>
/// Deterministic demo stores of the FreshNeighbour (鲜邻生活) chain in Shanghai.
/// Coordinates are WGS-84 (not GCJ-02). Opening hours use "HH:mm"; a closing time of "24:00" means midnight.
/// </summary>
internal static class StoresDemoData
{
    internal const string MerchantNameZh = "鲜邻生活";
    internal const string MerchantNameEn = "FreshNeighbour";

    internal static readonly DemoStore[] Stores =
    [
        new(
            Code: "SH-HP-01",
            NameZh: "鲜邻生活 淮海中路店",
            NameEn: "FreshNeighbour Middle Huaihai Rd",
            AddressZh: "上海市黄浦区淮海中路358号",
            AddressEn: "358 Middle Huaihai Road, Huangpu District, Shanghai",
            District: "黄浦区",
            Lat: 31.224743,
            Lng: 121.468725,
            Phone: "021-63201588",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "00:00", "24:00"),
                new(DayOfWeek.Tuesday, "00:00", "24:00"),
                new(DayOfWeek.Wednesday, "00:00", "24:00"),
                new(DayOfWeek.Thursday, "00:00", "24:00"),
                new(DayOfWeek.Friday, "00:00", "24:00"),
                new(DayOfWeek.Saturday, "00:00", "24:00"),
                new(DayOfWeek.Sunday, "00:00", "24:00"),
            ]),

        new(
            Code: "SH-JA-01",
            NameZh: "鲜邻生活 南京西路店",
            NameEn: "FreshNeighbour West Nanjing Rd",
            AddressZh: "上海市静安区南京西路1266号",
            AddressEn: "1266 West Nanjing Road, Jing'an District, Shanghai",
            District: "静安区",
            Lat: 31.229802,
            Lng: 121.451514,
            Phone: "021-62471266",
            Services: ["pickup"],
            DeliveryRadiusKm: 0.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "08:00", "22:30"),
                new(DayOfWeek.Sunday, "08:00", "22:30"),
            ]),

        new(
            Code: "SH-JA-02",
            NameZh: "鲜邻生活 共和新路店",
            NameEn: "FreshNeighbour Gonghe Xin Rd",
            AddressZh: "上海市静安区共和新路2188号",
            AddressEn: "2188 Gonghe Xin Road, Jing'an District, Shanghai",
            District: "静安区",
            Lat: 31.281412,
            Lng: 121.447494,
            Phone: "021-56332188",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.5,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-XH-01",
            NameZh: "鲜邻生活 漕溪北路店",
            NameEn: "FreshNeighbour North Caoxi Rd",
            AddressZh: "上海市徐汇区漕溪北路88号",
            AddressEn: "88 North Caoxi Road, Xuhui District, Shanghai",
            District: "徐汇区",
            Lat: 31.194658,
            Lng: 121.433721,
            Phone: "021-64381088",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-CN-01",
            NameZh: "鲜邻生活 长宁路店",
            NameEn: "FreshNeighbour Changning Rd",
            AddressZh: "上海市长宁区长宁路1158号",
            AddressEn: "1158 Changning Road, Changning District, Shanghai",
            District: "长宁区",
            Lat: 31.220309,
            Lng: 121.413335,
            Phone: "021-62251158",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "08:00", "22:30"),
                new(DayOfWeek.Sunday, "08:00", "22:30"),
            ]),

        new(
            Code: "SH-PT-01",
            NameZh: "鲜邻生活 长寿路店",
            NameEn: "FreshNeighbour Changshou Rd",
            AddressZh: "上海市普陀区长寿路468号",
            AddressEn: "468 Changshou Road, Putuo District, Shanghai",
            District: "普陀区",
            Lat: 31.241741,
            Lng: 121.433690,
            Phone: "021-62661468",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.5,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-HK-01",
            NameZh: "鲜邻生活 四川北路店",
            NameEn: "FreshNeighbour North Sichuan Rd",
            AddressZh: "上海市虹口区四川北路1363号",
            AddressEn: "1363 North Sichuan Road, Hongkou District, Shanghai",
            District: "虹口区",
            Lat: 31.253926,
            Lng: 121.479697,
            Phone: "021-56961363",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 3.5,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-YP-01",
            NameZh: "鲜邻生活 四平路店",
            NameEn: "FreshNeighbour Siping Rd",
            AddressZh: "上海市杨浦区四平路2088号",
            AddressEn: "2088 Siping Road, Yangpu District, Shanghai",
            District: "杨浦区",
            Lat: 31.291680,
            Lng: 121.505766,
            Phone: "021-65232088",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 4.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "00:00", "24:00"),
                new(DayOfWeek.Tuesday, "00:00", "24:00"),
                new(DayOfWeek.Wednesday, "00:00", "24:00"),
                new(DayOfWeek.Thursday, "00:00", "24:00"),
                new(DayOfWeek.Friday, "00:00", "24:00"),
                new(DayOfWeek.Saturday, "00:00", "24:00"),
                new(DayOfWeek.Sunday, "00:00", "24:00"),
            ]),

        new(
            Code: "SH-PD-01",
            NameZh: "鲜邻生活 张杨路店",
            NameEn: "FreshNeighbour Zhangyang Rd",
            AddressZh: "上海市浦东新区张杨路1850号",
            AddressEn: "1850 Zhangyang Road, Pudong New Area, Shanghai",
            District: "浦东新区",
            Lat: 31.238000,
            Lng: 121.539169,
            Phone: "021-58731850",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 4.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-PD-02",
            NameZh: "鲜邻生活 世纪大道店",
            NameEn: "FreshNeighbour Century Ave",
            AddressZh: "上海市浦东新区世纪大道1768号",
            AddressEn: "1768 Century Avenue, Pudong New Area, Shanghai",
            District: "浦东新区",
            Lat: 31.221408,
            Lng: 121.539872,
            Phone: "021-68541768",
            Services: ["pickup"],
            DeliveryRadiusKm: 0.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "08:00", "22:30"),
                new(DayOfWeek.Sunday, "08:00", "22:30"),
            ]),

        new(
            Code: "SH-PD-03",
            NameZh: "鲜邻生活 东方路店",
            NameEn: "FreshNeighbour Dongfang Rd",
            AddressZh: "上海市浦东新区东方路1365号",
            AddressEn: "1365 Dongfang Road, Pudong New Area, Shanghai",
            District: "浦东新区",
            Lat: 31.213777,
            Lng: 121.523393,
            Phone: "021-58821365",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 4.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-MH-01",
            NameZh: "鲜邻生活 七宝漕宝路店",
            NameEn: "FreshNeighbour Qibao Caobao Rd",
            AddressZh: "上海市闵行区漕宝路3288号",
            AddressEn: "3288 Caobao Road, Minhang District, Shanghai",
            District: "闵行区",
            Lat: 31.157319,
            Lng: 121.344991,
            Phone: "021-64783288",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 5.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "23:00"),
                new(DayOfWeek.Tuesday, "07:00", "23:00"),
                new(DayOfWeek.Wednesday, "07:00", "23:00"),
                new(DayOfWeek.Thursday, "07:00", "23:00"),
                new(DayOfWeek.Friday, "07:00", "23:00"),
                new(DayOfWeek.Saturday, "07:00", "23:00"),
                new(DayOfWeek.Sunday, "07:00", "23:00"),
            ]),

        new(
            Code: "SH-BS-01",
            NameZh: "鲜邻生活 友谊路店",
            NameEn: "FreshNeighbour Youyi Rd",
            AddressZh: "上海市宝山区友谊路218号",
            AddressEn: "218 Youyi Road, Baoshan District, Shanghai",
            District: "宝山区",
            Lat: 31.405919,
            Lng: 121.471484,
            Phone: "021-56601218",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 5.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "22:30"),
                new(DayOfWeek.Tuesday, "07:00", "22:30"),
                new(DayOfWeek.Wednesday, "07:00", "22:30"),
                new(DayOfWeek.Thursday, "07:00", "22:30"),
                new(DayOfWeek.Friday, "07:00", "22:30"),
                new(DayOfWeek.Saturday, "07:30", "22:30"),
                new(DayOfWeek.Sunday, "07:30", "22:30"),
            ]),

        new(
            Code: "SH-SJ-01",
            NameZh: "鲜邻生活 松江人民北路店",
            NameEn: "FreshNeighbour Songjiang North Renmin Rd",
            AddressZh: "上海市松江区人民北路2588号",
            AddressEn: "2588 North Renmin Road, Songjiang District, Shanghai",
            District: "松江区",
            Lat: 31.032344,
            Lng: 121.226347,
            Phone: "021-57812588",
            Services: ["pickup", "delivery"],
            DeliveryRadiusKm: 5.0,
            OpeningHours:
            [
                new(DayOfWeek.Monday, "07:00", "22:30"),
                new(DayOfWeek.Tuesday, "07:00", "22:30"),
                new(DayOfWeek.Wednesday, "07:00", "22:30"),
                new(DayOfWeek.Thursday, "07:00", "22:30"),
                new(DayOfWeek.Friday, "07:00", "22:30"),
                new(DayOfWeek.Saturday, "07:30", "22:30"),
                new(DayOfWeek.Sunday, "07:30", "22:30"),
            ]),
    ];
}
