using O2o.Server.Kernel;
using O2o.Server.Modules.GroupBuying;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

/// <summary>
/// A community leader's commission for a handed-over group-buy order is paid out of what the merchant is owed: merchant payable
/// is debited and the leader's payable credited by the same amount, once per commission.
/// </summary>
internal sealed class OnLeaderCommissionEarned(LedgerPosting posting) : IEventHandler<LeaderCommissionEarned>
{
    public Task HandleAsync(LeaderCommissionEarned e, CancellationToken ct) =>
        posting.PostAsync($"commission:{e.CommissionId:N}", LedgerKinds.CommissionToLeader, e.OrderId, e.At,
            new Dictionary<string, long> { [LedgerAccounts.MerchantPayable(e.StoreId)] = e.AmountFen, [LedgerAccounts.LeaderPayable(e.LeaderId)] = -e.AmountFen }, ct);
}
