namespace O2o.Contracts;

/// <summary>A customer applies to lead community group buys (团长) of a merchant, with the pickup point where neighbours collect.</summary>
public sealed record LeaderApplicationRequest(string? MerchantId, string? PickupPointName, string? Address, double? Lat, double? Lng, string? Phone);

/// <summary>
/// A community leader: <paramref name="Status"/> pending, approved or rejected; the <paramref name="ShareCode"/> (approved leaders
/// only) goes into the share links customers join through.
/// </summary>
public sealed record LeaderResponse(string Id, string UserId, string MerchantId, string PickupPointName, string Address, double Lat, double Lng,
    string Phone, string Status, string? ShareCode, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt);

/// <summary>
/// A group-buy campaign: <paramref name="ProductId"/> from <paramref name="StoreId"/> at <paramref name="GroupPriceFen"/>; it succeeds
/// when, at <paramref name="CutoffAt"/>, paid orders reach <paramref name="MinParticipants"/> customers and/or <paramref name="MinUnits"/>
/// units; leaders earn <paramref name="CommissionBasisPoints"/> (hundredths of a percent) of each order they hand over.
/// </summary>
public sealed record CreateCampaignRequest(string? ProductId, string? StoreId, long? GroupPriceFen, int? MinParticipants, int? MinUnits,
    DateTimeOffset? CutoffAt, int? CommissionBasisPoints, string? Title);

/// <summary><paramref name="Status"/>: open, closing, succeeded or failed; joined counts include orders not yet paid.</summary>
public sealed record CampaignResponse(string Id, string Title, string ProductId, string ProductName, string StoreId, long RegularPriceFen, long GroupPriceFen,
    int? MinParticipants, int? MinUnits, DateTimeOffset CutoffAt, int CommissionBasisPoints, string Status, int JoinedOrders, int JoinedUnits,
    int? PaidParticipants, int? PaidUnits, DateTimeOffset? ClosedAt);

/// <summary>A campaign seen through a leader's share link: where the goods will be collected.</summary>
public sealed record SharedCampaignResponse(CampaignResponse Campaign, PickupPointView? PickupPoint);

public sealed record PickupPointView(string LeaderId, string Name, string Address, double Lat, double Lng);

/// <summary>Join a campaign through a leader's share link (<paramref name="LeaderCode"/>), for <paramref name="Quantity"/> units.</summary>
public sealed record JoinCampaignRequest(string? LeaderCode, int? Quantity);

/// <summary>
/// A customer's group-buy order: pay it as any order (<c>POST /api/orders/{orderId}/payments</c>) before <paramref name="PaymentDeadline"/>;
/// show <paramref name="HandoverCode"/> to the leader to collect it (only its customer sees the code).
/// </summary>
public sealed record GroupBuyOrderResponse(string OrderId, string CampaignId, string Title, string LeaderId, PickupPointView PickupPoint, int Quantity,
    long TotalFen, string OrderStatus, string CampaignStatus, string? HandoverCode, DateTimeOffset JoinedAt, DateTimeOffset PaymentDeadline);

/// <summary>
/// The goods of one successful campaign for one pickup point, in one delivery: <paramref name="Status"/> preparing (at the store),
/// dispatched (on the way) or received (at the leader's).
/// </summary>
public sealed record GroupBuyDeliveryResponse(string Id, string CampaignId, string Title, string StoreId, string LeaderId, PickupPointView PickupPoint,
    string Status, int Orders, int Units, string[] OrderIds, DateTimeOffset CreatedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? ReceivedAt);

/// <summary>An order at a leader's pickup point, as the leader sees it (without the customer's code).</summary>
public sealed record LeaderOrderView(string OrderId, string CampaignId, string Title, int Quantity, long TotalFen, string OrderStatus, DateTimeOffset? HandedOverAt);

/// <summary>The customer's code, typed or scanned by the leader when handing the order over.</summary>
public sealed record HandOverRequest(string? Code);

public sealed record LeaderCommissionView(string Id, string OrderId, string CampaignId, long OrderTotalFen, long AmountFen, DateTimeOffset At);

/// <summary>Everything a leader earned, and each commission (one per order handed over).</summary>
public sealed record LeaderCommissionsResponse(long TotalFen, LeaderCommissionView[] Commissions);

/// <summary>A group buy as its merchant follows it: per pickup point, the orders joined and how many of them are in each order status.</summary>
public sealed record CampaignReportResponse(CampaignResponse Campaign, PickupPointReport[] PickupPoints);

public sealed record PickupPointReport(PickupPointView PickupPoint, int Orders, int Units, IReadOnlyDictionary<string, int> OrdersByStatus, long CommissionFen);
