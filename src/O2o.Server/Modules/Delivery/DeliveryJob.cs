using System.Security.Cryptography;

namespace O2o.Server.Modules.Delivery;

internal static class JobStatus
{
    /// <summary>Paid and waiting for a rider.</summary>
    public const string Waiting = "waiting";
    /// <summary>Offered to a rider, who has until <see cref="DeliveryJob.OfferExpiresAt"/> to accept.</summary>
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string PickedUp = "picked_up";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    public static readonly string[] Active = [Waiting, Offered, Accepted, PickedUp];
    /// <summary>Jobs a rider holds: they count against capacity and are shown to the rider.</summary>
    public static readonly string[] Held = [Offered, Accepted, PickedUp];
}

/// <summary>The delivery of one paid order from its store to the customer, and who does it.</summary>
internal sealed class DeliveryJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public Guid StoreId { get; init; }
    public required string CustomerId { get; init; }
    public double PickupLat { get; init; }
    public double PickupLng { get; init; }
    public double DropLat { get; init; }
    public double DropLng { get; init; }
    public required string AddressLine { get; init; }
    public double DistanceKm { get; init; }
    public required string Speed { get; init; }
    public int Items { get; init; }
    public DateTimeOffset ReadyAt { get; init; }
    public DateTimeOffset PromisedFrom { get; init; }
    public DateTimeOffset PromisedBy { get; init; }
    public string Status { get; private set; } = JobStatus.Waiting;
    public Guid? RiderId { get; private set; }
    public DateTimeOffset? OfferedAt { get; private set; }
    public DateTimeOffset? OfferExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? PickedUpAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    /// <summary>Riders who declined or let the offer lapse: not offered this job again.</summary>
    public List<Guid> DeclinedBy { get; private set; } = [];
    public DateTimeOffset? PlannedPickupAt { get; private set; }
    public DateTimeOffset? PlannedDropAt { get; private set; }
    public int? PlannedSequence { get; private set; }
    /// <summary>Four digits the customer tells the rider at the door (收货码).</summary>
    public required string HandoverCode { get; init; }
    public int CodeFailures { get; private set; }
    public string? ProofKind { get; private set; }
    public string? ProofReference { get; private set; }
    public string? VehicleType { get; private set; }
    public double? RouteKm { get; private set; }
    public double? Co2Grams { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; private set; }

    public const int MaxCodeFailures = 5;

    public static string NewHandoverCode() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4");

    public bool IsHeldBy(Guid riderId) => RiderId == riderId && JobStatus.Held.Contains(Status);

    public void Offer(Guid riderId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        (Status, RiderId, OfferedAt, OfferExpiresAt) = (JobStatus.Offered, riderId, now, expiresAt);
        Version++;
    }

    public void Accept(DateTimeOffset now)
    {
        (Status, AcceptedAt, OfferExpiresAt) = (JobStatus.Accepted, now, null);
        Version++;
    }

    /// <summary>The rider declined, let the offer lapse or went off shift before pickup: the job waits for someone else.</summary>
    public void GiveBack(bool declined)
    {
        if (declined && RiderId is { } rider && !DeclinedBy.Contains(rider)) DeclinedBy = [.. DeclinedBy, rider];
        (Status, RiderId, OfferedAt, OfferExpiresAt, AcceptedAt, PlannedPickupAt, PlannedDropAt, PlannedSequence) =
            (JobStatus.Waiting, null, null, null, null, null, null, null);
        Version++;
    }

    public void PickUp(DateTimeOffset now)
    {
        (Status, PickedUpAt) = (JobStatus.PickedUp, now);
        Version++;
    }

    public void FailCode()
    {
        CodeFailures++;
        Version++;
    }

    public void Deliver(DateTimeOffset now, string proofKind, string proofReference, VehicleProfile vehicle, double detourFactor)
    {
        (Status, DeliveredAt, ProofKind, ProofReference, VehicleType) = (JobStatus.Delivered, now, proofKind, proofReference, vehicle.Type);
        // The store-to-door leg on streets; a shared trip's legs are not split further (documented estimate).
        RouteKm = Math.Round(DistanceKm * detourFactor, 3);
        Co2Grams = Math.Round(RouteKm.Value * vehicle.Co2GramsPerKm, 1);
        Version++;
    }

    public void Cancel(string reason)
    {
        (Status, CancelReason, OfferExpiresAt) = (JobStatus.Cancelled, reason, null);
        Version++;
    }

    public void Plan(DateTimeOffset? pickupAt, DateTimeOffset? dropAt, int sequence)
    {
        (PlannedPickupAt, PlannedDropAt, PlannedSequence) = (pickupAt, dropAt, sequence);
    }

    public bool OnTime => DeliveredAt is { } at && at <= PromisedBy;
}
