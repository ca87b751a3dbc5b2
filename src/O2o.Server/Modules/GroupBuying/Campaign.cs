using System.Security.Cryptography;
using O2o.Contracts;

namespace O2o.Server.Modules.GroupBuying;

internal static class CampaignStatus
{
    public const string Open = "open";
    /// <summary>Past the cutoff, no more joins; the outcome is being decided.</summary>
    public const string Closing = "closing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>A group buy (拼团): one product from one store at a group price, decided at the cutoff by the paid orders.</summary>
internal sealed class Campaign
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MerchantId { get; init; }
    public required string Title { get; init; }
    public Guid ProductId { get; init; }
    public required string ProductName { get; init; }
    /// <summary>The store whose stock is reserved at joining and which delivers to the pickup points.</summary>
    public Guid StoreId { get; init; }
    public long RegularPriceFen { get; init; }
    public long GroupPriceFen { get; init; }
    public int? MinParticipants { get; init; }
    public int? MinUnits { get; init; }
    public DateTimeOffset CutoffAt { get; init; }
    public int CommissionBasisPoints { get; init; }
    public string Status { get; init; } = CampaignStatus.Open;
    /// <summary>Joins not cancelled (paid or not); changed only by conditional updates.</summary>
    public int JoinedOrders { get; init; }
    public int JoinedUnits { get; init; }
    public int? PaidParticipants { get; init; }
    public int? PaidUnits { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>When every order had been moved after the outcome (to its delivery, or cancelled and refunded).</summary>
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Cutoffs are kept to the whole second (UTC), so both databases hold exactly the instant the merchant set.</summary>
    public static DateTimeOffset WholeSecond(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>Joins are taken strictly before the cutoff: an order at the cutoff instant is too late.</summary>
    public bool AcceptsJoinsAt(DateTimeOffset now) => Status == CampaignStatus.Open && now < CutoffAt;

    public bool Reached(int participants, int units) =>
        units > 0 && (MinParticipants is null || participants >= MinParticipants) && (MinUnits is null || units >= MinUnits);

    public CampaignResponse ToResponse() => new(Id.ToString(), Title, ProductId.ToString(), ProductName, StoreId.ToString(), RegularPriceFen, GroupPriceFen,
        MinParticipants, MinUnits, CutoffAt, CommissionBasisPoints, Status, JoinedOrders, JoinedUnits, PaidParticipants, PaidUnits, ClosedAt);
}

/// <summary>A customer's order in a campaign, through one leader; the handover code is the customer's secret.</summary>
internal sealed class Participation
{
    public Guid OrderId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid LeaderId { get; init; }
    public required string CustomerId { get; init; }
    public int Quantity { get; init; }
    public long TotalFen { get; init; }
    public required string HandoverCode { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset PaymentDeadline { get; init; }
    /// <summary>Set when its cancellation was taken off the campaign's counters (once).</summary>
    public bool Withdrawn { get; init; }
    public Guid? DeliveryId { get; init; }
    public DateTimeOffset? HandedOverAt { get; init; }

    /// <summary>8 random digits, compared in constant time; wrong codes are rate-limited per leader.</summary>
    public static string NewHandoverCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public bool CodeMatches(string code) =>
        code.Length == HandoverCode.Length && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(code), System.Text.Encoding.ASCII.GetBytes(HandoverCode));
}

internal static class DeliveryStatus
{
    public const string Preparing = "preparing";
    public const string Dispatched = "dispatched";
    public const string Received = "received";
}

/// <summary>All paid orders of a successful campaign for one pickup point, delivered together to its leader.</summary>
internal sealed class Delivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CampaignId { get; init; }
    public Guid LeaderId { get; init; }
    public Guid StoreId { get; init; }
    public string Status { get; init; } = DeliveryStatus.Preparing;
    public int Orders { get; init; }
    public int Units { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
}

/// <summary>What a leader earned for handing over one order; one per order.</summary>
internal sealed class LeaderCommission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LeaderId { get; init; }
    public Guid OrderId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid StoreId { get; init; }
    public long OrderTotalFen { get; init; }
    public long AmountFen { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A wrong handover code typed by a leader: too many in a window and their handovers pause.</summary>
internal sealed class HandoverFailure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LeaderId { get; init; }
    public DateTimeOffset At { get; init; }
}
