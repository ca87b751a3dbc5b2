using System.Globalization;

namespace O2o.Server.Modules.Stores;

internal sealed class Merchant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class Store
{
    public static readonly string[] KnownServices = ["pickup", "delivery", "counter", "booking", "voucher"];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MerchantId { get; init; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string Address { get; set; }
    public double Lat { get; set; }
    public double Lng { get; set; }
    public string TimeZone { get; set; } = StoresOptions.DefaultTimeZone;
    public List<OpeningPeriod> OpeningHours { get; set; } = [];
    public List<string> Services { get; set; } = [];
    public double DeliveryRadiusKm { get; set; }
    public string? Phone { get; set; }
    /// <summary>Pickup pacing: both set, or neither (orders whenever open).</summary>
    public int? PickupSlotMinutes { get; set; }
    public int? PickupSlotCapacity { get; set; }
    public int PickupLeadMinutes { get; set; } = 15;
    public DateTimeOffset CreatedAt { get; init; }

    public bool Offers(string service) => Services.Contains(service);

    /// <summary>No periods means always open; otherwise "now" in the store's time zone must fall in a period of today or in yesterday's overnight one.</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        if (OpeningHours.Count == 0) return true;
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var minute = local.Hour * 60 + local.Minute;
        var yesterday = (DayOfWeek)(((int)local.DayOfWeek + 6) % 7);
        foreach (var p in OpeningHours)
        {
            if (p.Day == local.DayOfWeek && minute >= p.OpensMinute && (p.ClosesMinute <= p.OpensMinute || minute < p.ClosesMinute))
                return true;
            if (p.Day == yesterday && p.ClosesMinute <= p.OpensMinute && minute < p.ClosesMinute)
                return true;
        }
        return false;
    }
}

internal sealed record OpeningPeriod(DayOfWeek Day, int OpensMinute, int ClosesMinute)
{
    public static bool TryParseTime(string? text, bool allowMidnightEnd, out int minute)
    {
        minute = 0;
        if (allowMidnightEnd && text == "24:00")
        {
            minute = 24 * 60;
            return true;
        }
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return false;
        minute = time.Hour * 60 + time.Minute;
        return true;
    }

    public static string Format(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    public override string ToString() => $"{Day.ToString().ToLowerInvariant()} {Format(OpensMinute)}-{Format(ClosesMinute)}";

    public static OpeningPeriod Parse(string text)
    {
        var parts = text.Split(' ', '-');
        TryParseTime(parts[1], false, out var opens);
        TryParseTime(parts[2], true, out var closes);
        return new OpeningPeriod(Enum.Parse<DayOfWeek>(parts[0], ignoreCase: true), opens, closes);
    }
}

internal sealed class StoresOptions
{
    public const string DefaultTimeZone = "Asia/Shanghai";
    public double DefaultSearchRadiusKm { get; set; } = 10;
    public double MaxSearchRadiusKm { get; set; } = 100;
}
