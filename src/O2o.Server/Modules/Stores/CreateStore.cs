using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

internal static class CreateStore
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/stores", Handle).RequireAuthorization(Policies.Admin).WithTags("Administration").WithSummary("Open a store");

    private static async Task<Results<Created<StoreResponse>, ProblemHttpResult>> Handle(
        CreateStoreRequest request, ClaimsPrincipal principal, O2oDb db, IStores stores, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var v = new Validation()
            .Text("name", request.Name, 100).Text("nameEn", request.NameEn, 100, required: false)
            .Text("address", request.Address, 300).Position("", request.Lat, request.Lng)
            .Phone("phone", request.Phone, required: false);
        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? StoresOptions.DefaultTimeZone : request.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) v.Add("timeZone", "Not a known IANA time zone, e.g. Asia/Shanghai.");
        var services = (request.Services ?? []).Select(s => s?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (services.Count == 0) v.Add("services", "Name at least one service: pickup, delivery, ...");
        foreach (var s in services.Where(s => !Store.KnownServices.Contains(s)))
            v.Add("services", $"Unknown service '{s}'; known: {string.Join(", ", Store.KnownServices)}.");
        var radius = request.DeliveryRadiusKm ?? (services.Contains("delivery") ? 3 : 0);
        if (radius is < 0 or > 50 || double.IsNaN(radius)) v.Add("deliveryRadiusKm", "Must be from 0 to 50 km.");
        else if (services.Contains("delivery") && radius <= 0) v.Add("deliveryRadiusKm", "A store that delivers needs a delivery radius above 0.");
        var hours = ParseOpeningHours(request.OpeningHours, v);
        if (v.Error is not null) return v.Error.ToProblem();

        var merchantId = actor.IsPlatformAdmin ? Merchants.PlatformDirectId : actor.MerchantId ?? Guid.Empty;
        if (actor.IsPlatformAdmin && request.MerchantId is not null)
        {
            if (!Guid.TryParse(request.MerchantId, out merchantId) || !await stores.MerchantExistsAsync(merchantId, ct))
                return Error.NotFound("merchant_not_found", "The merchant").ToProblem();
        }
        if (merchantId == Guid.Empty) return Error.Forbidden.ToProblem();

        var store = new Store
        {
            MerchantId = merchantId,
            Name = request.Name!.Trim(),
            NameEn = request.NameEn?.Trim(),
            Address = request.Address!.Trim(),
            Lat = request.Lat!.Value,
            Lng = request.Lng!.Value,
            TimeZone = timeZone,
            OpeningHours = hours,
            Services = services,
            DeliveryRadiusKm = radius,
            Phone = request.Phone?.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(store);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/stores/{store.Id}", StoreViews.ToResponse(store, clock.GetUtcNow(), null));
    }

    private static List<OpeningPeriod> ParseOpeningHours(OpeningHoursDto[]? periods, Validation v)
    {
        var result = new List<OpeningPeriod>();
        if (periods is null) return result;
        if (periods.Length > 50) v.Add("openingHours", "At most 50 periods.");
        for (var i = 0; i < Math.Min(periods.Length, 50); i++)
        {
            var p = periods[i];
            var field = $"openingHours[{i}]";
            if (p is null || !Enum.TryParse<DayOfWeek>(p.Day, ignoreCase: true, out var day) || int.TryParse(p.Day, out _))
            {
                v.Add(field, "day must be monday..sunday.");
                continue;
            }
            if (!OpeningPeriod.TryParseTime(p.Opens, false, out var opens) || !OpeningPeriod.TryParseTime(p.Closes, true, out var closes) || opens == closes)
            {
                v.Add(field, "opens and closes must be different HH:mm times (closes may be 24:00).");
                continue;
            }
            result.Add(new OpeningPeriod(day, opens, closes));
        }
        return result;
    }
}
