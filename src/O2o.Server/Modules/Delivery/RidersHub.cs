using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using O2o.Contracts;
using O2o.Server.Kernel;

namespace O2o.Server.Modules.Delivery;

/// <summary>
/// <c>/hubs/riders</c> for the rider app: <c>ReportPosition(lat, lng)</c> over one open connection instead of a request
/// per fix, with exactly the HTTP endpoint's checks; a refused report fails with the problem's code as the message.
/// </summary>
[Authorize(Roles = Roles.Rider)]
internal sealed class RidersHub(RiderDesk desk) : Hub
{
    public const string Path = "/hubs/riders";

    public async Task<PositionResponse> ReportPosition(double lat, double lng)
    {
        if (!Geo.IsValidLatitude(lat) || !Geo.IsValidLongitude(lng)) throw new HubException("validation_failed: not a latitude and longitude");
        var rider = await desk.FindAsync(Actor.From(Context.User!).UserId, Context.ConnectionAborted) ?? throw new HubException("rider_not_found");
        var reported = await desk.ReportPositionAsync(rider, lat, lng, null, Context.ConnectionAborted);
        if (!reported.IsSuccess) throw new HubException($"{reported.Error!.Code}: {reported.Error.Detail}");
        return new PositionResponse(reported.Value.Applied, reported.Value.Stored);
    }
}
