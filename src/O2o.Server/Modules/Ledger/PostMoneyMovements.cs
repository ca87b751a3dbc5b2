using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

/// <summary>
/// A customer's payment: the gateway holds the total; the merchant is owed the goods less commission; the platform earns
/// the commission and the delivery fee and pays for the discount it granted.
/// </summary>
internal sealed class OnPaymentSucceeded(LedgerPosting posting, IOrdering ordering, IOptions<LedgerOptions> options) : IEventHandler<PaymentSucceeded>
{
    public async Task HandleAsync(PaymentSucceeded e, CancellationToken ct)
    {
        var charges = await ordering.FindChargesAsync(e.OrderId, ct);
        var lines = new Dictionary<string, long> { [LedgerAccounts.Gateway(e.Method)] = e.AmountFen };
        if (charges is null)
        {
            lines[LedgerAccounts.MerchantPayable(Guid.Empty)] = -e.AmountFen;
        }
        else
        {
            var commission = charges.SubtotalFen * options.Value.CommissionBasisPoints / 10_000;
            lines[LedgerAccounts.DiscountSubsidy] = charges.DiscountFen - charges.PointsFen;
            lines[LedgerAccounts.PointsRedeemed] = charges.PointsFen;
            lines[LedgerAccounts.Commission] = -commission;
            lines[LedgerAccounts.DeliveryFee] = -charges.DeliveryFeeFen;
            // Whatever the charges do not explain (none, when the payment is the order's total) stays with the merchant.
            lines[LedgerAccounts.MerchantPayable(charges.StoreId)] = -lines.Values.Sum();
        }
        await posting.PostAsync($"payment:{e.PaymentId:N}", LedgerKinds.CustomerPayment, e.OrderId, e.At, lines, ct);
    }
}

/// <summary>A refund reverses the payment's posting in proportion; the gateway line is exactly the refunded amount.</summary>
internal sealed class OnPaymentRefunded(LedgerPosting posting, O2oDb db) : IEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded e, CancellationToken ct)
    {
        var paymentKey = $"payment:{e.PaymentId:N}";
        var original = await db.Set<LedgerEntry>().AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.SourceKey == paymentKey, ct)
            // The payment's own event has not been posted yet; the outbox delivers this one again later.
            ?? throw new InvalidOperationException($"Refund {e.RefundId} arrived before its payment {e.PaymentId} was posted.");
        var gateway = LedgerAccounts.Gateway(e.Method);
        var lines = original.Lines.Where(l => l.Account != gateway)
            .ToDictionary(l => l.Account, l => -(long)((Int128)l.AmountFen * e.AmountFen / e.PaymentAmountFen));
        lines[gateway] = -e.AmountFen;
        var merchant = original.Lines.Select(l => l.Account).FirstOrDefault(a => a.StartsWith("merchant_payable:", StringComparison.Ordinal)) ?? gateway;
        lines[merchant] = lines.GetValueOrDefault(merchant) - lines.Values.Sum();
        await posting.PostAsync($"refund:{e.RefundId:N}", LedgerKinds.CustomerRefund, e.OrderId, e.At, lines, ct);
    }
}

internal sealed class LedgerPosting(O2oDb db)
{
    /// <summary>Posts once per source; zero lines are left out; an unbalanced entry is a bug and is never written.</summary>
    public async Task PostAsync(string sourceKey, string kind, Guid orderId, DateTimeOffset at, IReadOnlyDictionary<string, long> lines, CancellationToken ct)
    {
        if (lines.Values.Sum() != 0) throw new InvalidOperationException($"Unbalanced ledger entry for {sourceKey}.");
        if (await db.Set<LedgerEntry>().AnyAsync(x => x.SourceKey == sourceKey, ct)) return;
        var entry = new LedgerEntry { SourceKey = sourceKey, Kind = kind, OrderId = orderId, At = at };
        entry.Lines.AddRange(lines.Where(l => l.Value != 0).Select(l => new LedgerLine { EntryId = entry.Id, Account = l.Key, AmountFen = l.Value }));
        db.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}
