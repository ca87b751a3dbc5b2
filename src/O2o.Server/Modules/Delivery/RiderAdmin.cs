using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>Merchants and the platform sign riders up (an account with role rider and a rider profile, in one transaction) and list them.</summary>
internal static class RiderAdmin
{
    public const int MaxCapacity = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/riders").RequireAuthorization(Policies.Admin).WithTags("Riders");
        admin.MapPost("", Create).WithSummary("Create a rider: sign-in, vehicle (ebike, scooter, car, walking, robot), the stores they deliver for");
        admin.MapGet("", List).WithSummary("Riders of the caller's stores, with shift and last position");
    }

    private static async Task<IResult> Create(CreateRiderRequest request, ClaimsPrincipal principal, O2oDb db, IAccounts accounts, IStores stores,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var v = new Validation();
        var vehicle = Vehicles.Find(request.VehicleType?.Trim());
        if (vehicle is null) v.Add("vehicleType", $"Must be one of {string.Join(", ", Vehicles.Types)}.");
        if (request.StoreIds is not { Length: > 0 }) v.Add("storeIds", "A rider delivers for at least one store.");
        else if (request.StoreIds.Length > 50) v.Add("storeIds", "At most 50 stores.");
        if (request.Capacity is < 1 or > MaxCapacity) v.Add("capacity", $"Between 1 and {MaxCapacity} orders at once.");
        if (v.Error is { } invalid) return invalid.ToProblem();

        var storeIds = new List<Guid>();
        foreach (var raw in request.StoreIds!.Distinct())
        {
            var store = Guid.TryParse(raw, out var id) ? await stores.FindAsync(id, ct) : null;
            if (store is null || !actor.CanOperate(store)) return DeliveryErrors.StoreNotFound.ToProblem();
            if (!store.Offers("delivery")) return DeliveryErrors.DeliveryNotOffered.ToProblem();
            storeIds.Add(store.Id);
        }
        var merchantId = (await stores.FindAsync(storeIds[0], ct))!.MerchantId;
        var created = await db.InTransactionAsync(async () =>
        {
            var account = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, request.Phone, Roles.Rider, merchantId, storeIds, ct);
            if (!account.IsSuccess) return account.Error!;
            var rider = new Rider
            {
                UserId = account.Value, Name = request.DisplayName!.Trim(), Phone = request.Phone?.Trim(), VehicleType = vehicle!.Type,
                Capacity = request.Capacity ?? vehicle.Capacity, StoreIds = storeIds, CreatedAt = clock.GetUtcNow(),
            };
            db.Add(rider);
            await db.SaveChangesAsync(ct);
            return (Result<Rider>)rider;
        }, r => r.IsSuccess, ct);
        return created.IsSuccess
            ? Results.Created($"/api/admin/riders/{created.Value.Id}", RiderViews.ToResponse(created.Value))
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> List(ClaimsPrincipal principal, O2oDb db, IStores stores, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var operable = (await stores.ListAsync(actor.IsPlatformAdmin ? null : actor.MerchantId, ct)).Select(s => s.Id).ToHashSet();
        var riders = await db.Set<Rider>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return Results.Ok(riders.Where(r => r.StoreIds.Any(operable.Contains)).Select(RiderViews.ToResponse).ToArray());
    }
}
