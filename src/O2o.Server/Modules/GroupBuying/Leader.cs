using System.Security.Cryptography;
using O2o.Contracts;

namespace O2o.Server.Modules.GroupBuying;

internal static class LeaderStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>
/// A community leader (团长): a customer who applied to lead a merchant's group buys and was approved, with the pickup point
/// where the neighbours collect. Leading is checked on this record per request, so approval needs no new token.
/// </summary>
internal sealed class Leader
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }
    public Guid MerchantId { get; init; }
    public required string PickupPointName { get; init; }
    public required string Address { get; init; }
    public double Lat { get; init; }
    public double Lng { get; init; }
    public required string Phone { get; init; }
    public string Status { get; set; } = LeaderStatus.Pending;
    /// <summary>Given on approval; the key of the leader's share links, so it must not be guessable.</summary>
    public string? ShareCode { get; set; }
    public DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    public bool IsApproved => Status == LeaderStatus.Approved;

    public PickupPointView PickupPoint() => new(Id.ToString(), PickupPointName, Address, Lat, Lng);

    public LeaderResponse ToResponse() => new(Id.ToString(), UserId, MerchantId.ToString(), PickupPointName, Address, Lat, Lng, Phone, Status,
        ShareCode, AppliedAt, DecidedAt);

    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    /// <summary>12 characters from 31 (about 59 bits): share links travel in chats, and a guessed one would credit the wrong leader.</summary>
    public static string NewShareCode() => string.Create(12, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });
}
