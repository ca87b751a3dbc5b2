using O2o.Server.Kernel;

namespace O2o.Server.Modules.GroupBuying;

/// <summary>
/// Raised in the transaction in which a community leader hands a group-buy order over to its customer: the leader earned
/// <paramref name="AmountFen"/>, owed by the merchant of <paramref name="StoreId"/>. Posted to the money ledger once per
/// <paramref name="CommissionId"/>.
/// </summary>
public sealed record LeaderCommissionEarned(Guid CommissionId, Guid OrderId, Guid LeaderId, Guid StoreId, long AmountFen, DateTimeOffset At) : IDomainEvent;
