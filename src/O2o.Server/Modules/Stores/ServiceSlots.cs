namespace O2o.Server.Modules.Stores;

/// <summary>The opening hours of a store's business day: its weekly periods, or what a special day puts in their place.</summary>
internal static class OpeningCalendar
{
    /// <summary>
    /// The periods opening on <paramref name="businessDay"/> as minutes from its local midnight; a period past midnight closes
    /// after 24:00 (e.g. 22:00-02:00 is 1320-1560). No periods at all means open around the clock.
    /// </summary>
    public static IEnumerable<(int Opens, int Closes)> PeriodsOf(Store store, DateOnly businessDay, IReadOnlyDictionary<DateOnly, SpecialDay> specialDays)
    {
        if (specialDays.TryGetValue(businessDay, out var special))
            return special.OpensMinute is { } o && special.ClosesMinute is { } c ? [(o, c <= o ? c + 24 * 60 : c)] : [];
        if (store.OpeningHours.Count == 0) return [(0, 24 * 60)];
        return store.OpeningHours.Where(p => p.Day == businessDay.DayOfWeek)
            .Select(p => (p.OpensMinute, p.ClosesMinute <= p.OpensMinute ? p.ClosesMinute + 24 * 60 : p.ClosesMinute));
    }

    /// <summary>
    /// The instant of a local wall-clock time; a time that does not exist (skipped by a daylight-saving change) moves on
    /// to the first one that does, and a time that happens twice is taken at its later, standard-time occurrence.
    /// </summary>
    public static DateTimeOffset InstantOf(DateOnly businessDay, int minute, TimeZoneInfo zone)
    {
        var local = businessDay.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>
/// The slots of a bookable service on a store's local day. A service takes its whole length in real time, so slots are laid
/// back to back in instants from each opening (on a daylight-saving day a 90-minute slot from 01:30 ends at 04:00 local),
/// and a slot belongs to the local day it starts on, also when it runs past midnight or began in an overnight period.
/// </summary>
internal static class ServiceSlotCalendar
{
    public static IReadOnlyList<ServiceSlot> On(Store store, DateOnly day, int durationMinutes, IReadOnlyDictionary<DateOnly, SpecialDay> specialDays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZone);
        var length = TimeSpan.FromMinutes(durationMinutes);
        var slots = new List<ServiceSlot>();
        foreach (var businessDay in new[] { day.AddDays(-1), day })
            foreach (var (opens, closes) in OpeningCalendar.PeriodsOf(store, businessDay, specialDays))
            {
                var end = OpeningCalendar.InstantOf(businessDay, closes, zone);
                for (var start = OpeningCalendar.InstantOf(businessDay, opens, zone); start + length <= end; start += length)
                    if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime) == day)
                        slots.Add(new ServiceSlot(start.ToUniversalTime(), (start + length).ToUniversalTime()));
            }
        return slots.DistinctBy(s => s.Start).OrderBy(s => s.Start).ToList();
    }
}
