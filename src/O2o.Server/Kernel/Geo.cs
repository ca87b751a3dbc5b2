namespace O2o.Server.Kernel;

/// <summary>Great-circle distance on the WGS-84 mean sphere.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static bool IsValidLatitude(double? lat) => lat is >= -90 and <= 90;
    public static bool IsValidLongitude(double? lng) => lng is >= -180 and <= 180;
}
