using System.Security.Claims;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Delivery;

/// <summary>The rider's app: shift, positions, offers and the deliveries they hold. Everything is about the caller's own rider profile.</summary>
internal static class RiderEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var rider = api.MapGroup("/rider").RequireAuthorization(Policies.Rider).WithTags("Riders");
        rider.MapGet("/me", Me).WithSummary("The rider's profile, shift and position");
        rider.MapPost("/shift/start", StartShift).WithSummary("Go on shift where you are (inside your stores' zone)");
        rider.MapPost("/shift/end", EndShift).WithSummary("Go off shift; offered and accepted deliveries go back to dispatch, carried ones must be delivered first");
        rider.MapPost("/positions", ReportPosition).WithSummary("Report a position (zone-checked, jumps refused, throttled before it is kept)");
        rider.MapGet("/jobs", Jobs).WithSummary("Offers and deliveries the rider holds, in planned order");
        rider.MapPost("/jobs/{orderId}/accept", (string orderId, ClaimsPrincipal p, RiderDesk d, CancellationToken ct) =>
            Act(orderId, p, d, (r, id) => d.AcceptAsync(r, id, ct), ct)).WithSummary("Accept an offer before it lapses");
        rider.MapPost("/jobs/{orderId}/decline", Decline).WithSummary("Decline an offer (or give back an accepted delivery before pickup), with an optional reason");
        rider.MapPost("/jobs/{orderId}/picked-up", (string orderId, ClaimsPrincipal p, RiderDesk d, CancellationToken ct) =>
            Act(orderId, p, d, (r, id) => d.PickUpAsync(r, id, ct), ct)).WithSummary("Picked up at the store: the order goes out for delivery");
        rider.MapPost("/jobs/{orderId}/delivered", Delivered).WithSummary("Delivered, with the customer's receipt code or a photo reference as proof");
    }

    private static async Task<IResult> Me(ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct) =>
        await desk.FindAsync(Actor.From(principal).UserId, ct) is { } rider
            ? Results.Ok(RiderViews.ToResponse(rider))
            : DeliveryErrors.RiderNotFound.ToProblem();

    private static async Task<IResult> StartShift(StartShiftRequest request, ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        if (new Validation().Position("", request.Lat, request.Lng).Error is { } invalid) return invalid.ToProblem();
        if (await desk.FindAsync(Actor.From(principal).UserId, ct) is not { } rider) return DeliveryErrors.RiderNotFound.ToProblem();
        var started = await desk.StartShiftAsync(rider, request.Lat!.Value, request.Lng!.Value, request.Until, ct);
        return started.IsSuccess ? Results.Ok(RiderViews.ToResponse(started.Value)) : started.Error!.ToProblem();
    }

    private static async Task<IResult> EndShift(ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        if (await desk.FindAsync(Actor.From(principal).UserId, ct) is not { } rider) return DeliveryErrors.RiderNotFound.ToProblem();
        var ended = await desk.EndShiftAsync(rider, ct);
        return ended.IsSuccess ? Results.Ok(RiderViews.ToResponse(ended.Value)) : ended.Error!.ToProblem();
    }

    private static async Task<IResult> ReportPosition(PositionRequest request, ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        if (new Validation().Position("", request.Lat, request.Lng).Error is { } invalid) return invalid.ToProblem();
        if (await desk.FindAsync(Actor.From(principal).UserId, ct) is not { } rider) return DeliveryErrors.RiderNotFound.ToProblem();
        var reported = await desk.ReportPositionAsync(rider, request.Lat!.Value, request.Lng!.Value, request.At, ct);
        return reported.IsSuccess
            ? Results.Accepted(value: new PositionResponse(reported.Value.Applied, reported.Value.Stored))
            : reported.Error!.ToProblem();
    }

    private static async Task<IResult> Jobs(ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        if (await desk.FindAsync(Actor.From(principal).UserId, ct) is not { } rider) return DeliveryErrors.RiderNotFound.ToProblem();
        var held = await desk.HeldAsync(rider.Id, ct);
        return Results.Ok(held.OrderBy(j => j.PlannedSequence ?? int.MaxValue).ThenBy(j => j.PromisedBy).Select(RiderViews.ToResponse).ToArray());
    }

    private static async Task<IResult> Decline(string orderId, DeclineRequest? request, ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        if (new Validation().Text("reason", request?.Reason, 200, required: false).Error is { } invalid) return invalid.ToProblem();
        return await Act(orderId, principal, desk, (r, id) => desk.DeclineAsync(r, id, request?.Reason?.Trim(), ct), ct);
    }

    private static async Task<IResult> Delivered(string orderId, DeliveredRequest request, ClaimsPrincipal principal, RiderDesk desk, CancellationToken ct)
    {
        var v = new Validation();
        if (request.Code is null && string.IsNullOrWhiteSpace(request.PhotoReference)) v.Add("code", "Give the customer's receipt code or a photo reference.");
        if (request.Code is { } code && (code.Length != 4 || !code.All(char.IsAsciiDigit))) v.Add("code", "The receipt code has four digits.");
        v.Text("photoReference", request.PhotoReference, 300, required: false);
        if (v.Error is { } invalid) return invalid.ToProblem();
        return await Act(orderId, principal, desk, (r, id) => desk.DeliverAsync(r, id, request.Code, request.PhotoReference?.Trim(), ct), ct);
    }

    private static async Task<IResult> Act(string orderId, ClaimsPrincipal principal, RiderDesk desk,
        Func<Rider, Guid, Task<Result<DeliveryJob>>> action, CancellationToken ct)
    {
        if (await desk.FindAsync(Actor.From(principal).UserId, ct) is not { } rider) return DeliveryErrors.RiderNotFound.ToProblem();
        if (!Guid.TryParse(orderId, out var id)) return DeliveryErrors.DeliveryNotFound.ToProblem();
        var done = await action(rider, id);
        return done.IsSuccess ? Results.Ok(RiderViews.ToResponse(done.Value)) : done.Error!.ToProblem();
    }
}

internal static class RiderViews
{
    public static RiderResponse ToResponse(Rider r) => new(r.Id.ToString(), r.UserId, r.Name, r.Phone, r.VehicleType, r.Vehicle.NameEn + " " + r.Vehicle.NameZh,
        r.Vehicle.SpeedKmh, r.Capacity, r.Vehicle.RangeKm, r.StoreIds.Select(s => s.ToString()).ToArray(), r.OnShift, r.ShiftEndsAt, r.Lat, r.Lng, r.PositionAt);

    public static RiderJobResponse ToResponse(DeliveryJob j) => new(j.OrderId.ToString(), j.Status, j.StoreId.ToString(), j.PickupLat, j.PickupLng,
        j.DropLat, j.DropLng, j.AddressLine, j.DistanceKm, j.Speed, j.ReadyAt, j.PromisedBy, j.OfferExpiresAt, j.PlannedPickupAt, j.PlannedDropAt, j.PlannedSequence);
}
