namespace O2o.Server.Modules.Delivery;

/// <summary>
/// What a kind of vehicle can do. Speeds are typical city averages including stops; CO₂ is grams per kilometre over the
/// vehicle's life on China's grid (electric) or at the tailpipe plus fuel supply (petrol), rounded estimates, not a
/// certified figure: e-bike 8, electric scooter 20, petrol car 170, robot 6, walking 0.
/// </summary>
internal sealed record VehicleProfile(string Type, double SpeedKmh, int Capacity, double RangeKm, double Co2GramsPerKm, string NameZh, string NameEn);

internal static class Vehicles
{
    public const string EBike = "ebike";
    public const string Scooter = "scooter";
    public const string Car = "car";
    public const string Walking = "walking";
    public const string Robot = "robot";

    private static readonly Dictionary<string, VehicleProfile> Profiles = new()
    {
        [EBike] = new(EBike, 18, 6, 6, 8, "电动自行车", "e-bike"),
        [Scooter] = new(Scooter, 25, 8, 8, 20, "电动摩托车", "electric scooter"),
        [Car] = new(Car, 22, 20, 15, 170, "汽车", "car"),
        [Walking] = new(Walking, 4.5, 3, 1.5, 0, "步行", "walking"),
        [Robot] = new(Robot, 6, 4, 2.5, 6, "无人配送车", "delivery robot"),
    };

    public static IReadOnlyCollection<string> Types => Profiles.Keys;

    public static VehicleProfile? Find(string? type) => type is not null && Profiles.TryGetValue(type, out var p) ? p : null;

    public static VehicleProfile Of(string type) => Profiles[type];
}
