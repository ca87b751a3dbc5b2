using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace O2o.Server.Modules.Payments.Simulators;

internal enum SimulatedState { Open, Paid, Closed }

internal sealed class SimulatedTrade
{
    public required string OutTradeNo { get; init; }
    public required string NotifyUrl { get; init; }
    public long Total { get; init; }
    public required string Currency { get; init; }
    public SimulatedState State { get; set; }
    public string? TradeNo { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public long Refunded { get; set; }
    /// <summary>The gateway's name for the product the trade was opened with (WeChat's trade_type).</summary>
    public string? Product { get; set; }
}

internal sealed class SimulatedRefund
{
    public required string OutRefundNo { get; init; }
    public required string RefundNo { get; init; }
    public required string OutTradeNo { get; init; }
    public long Amount { get; init; }
    public required string NotifyUrl { get; init; }
    public bool Succeeded { get; set; }
    public DateTimeOffset? SucceededAt { get; set; }
}

/// <summary>
/// A gateway's books, shared by every simulator: trades paid at most once, refunds keyed by the merchant's refund
/// number (a retry refunds once) and never above what is left. Each simulator speaks its own vocabulary over it.
/// </summary>
internal sealed class SimulatedTrades(TimeProvider clock, string tradeNoPrefix, string refundNoPrefix)
{
    private readonly ConcurrentDictionary<string, SimulatedTrade> _trades = new();
    private readonly ConcurrentDictionary<string, SimulatedRefund> _refunds = new();

    public IReadOnlyCollection<SimulatedTrade> Trades => _trades.Values.ToList();
    public IReadOnlyCollection<SimulatedRefund> Refunds => _refunds.Values.ToList();

    /// <summary>Opens a trade, or finds the one already opened under this number (null when that was for another amount).</summary>
    public SimulatedTrade? Open(string outTradeNo, long total, string currency, string notifyUrl)
    {
        var trade = _trades.GetOrAdd(outTradeNo, no => new SimulatedTrade { OutTradeNo = no, Total = total, Currency = currency, NotifyUrl = notifyUrl });
        return trade.Total == total ? trade : null;
    }

    public SimulatedTrade? Find(string outTradeNo) => _trades.GetValueOrDefault(outTradeNo);

    public SimulatedRefund? FindRefund(string outRefundNo) => _refunds.GetValueOrDefault(outRefundNo);

    public static bool Close(SimulatedTrade trade)
    {
        lock (trade)
        {
            if (trade.State == SimulatedState.Paid) return false;
            trade.State = SimulatedState.Closed;
            return true;
        }
    }

    /// <summary>The payer pays an open trade; a paid trade stays paid. Null when there is no such trade or it was closed.</summary>
    public SimulatedTrade? Pay(string outTradeNo)
    {
        if (Find(outTradeNo) is not { } trade) return null;
        lock (trade)
        {
            if (trade.State == SimulatedState.Open)
            {
                trade.State = SimulatedState.Paid;
                trade.TradeNo = tradeNoPrefix + RandomNumberGenerator.GetString("0123456789", 28 - tradeNoPrefix.Length);
                trade.PaidAt = clock.GetUtcNow();
            }
            return trade.State == SimulatedState.Paid ? trade : null;
        }
    }

    /// <summary>Accepts a refund, once per refund number; the refusal names why not (not_exist, not_paid, not_enough).</summary>
    public (SimulatedRefund? Refund, string? Refusal) Refund(string outTradeNo, string outRefundNo, long amount, string notifyUrl, bool completeNow)
    {
        if (_refunds.TryGetValue(outRefundNo, out var existing)) return (existing, null);
        if (Find(outTradeNo) is not { } trade) return (null, "not_exist");
        lock (trade)
        {
            if (trade.State != SimulatedState.Paid) return (null, "not_paid");
            if (amount <= 0 || trade.Refunded + amount > trade.Total) return (null, "not_enough");
            trade.Refunded += amount;
            var refund = new SimulatedRefund
            {
                OutRefundNo = outRefundNo, RefundNo = refundNoPrefix + RandomNumberGenerator.GetString("0123456789", 29 - refundNoPrefix.Length),
                OutTradeNo = outTradeNo, Amount = amount, NotifyUrl = notifyUrl, Succeeded = completeNow, SucceededAt = completeNow ? clock.GetUtcNow() : null,
            };
            return (_refunds.GetOrAdd(outRefundNo, refund), null);
        }
    }

    /// <summary>The refund reaches the payer (once); null when there is no such refund.</summary>
    public SimulatedRefund? CompleteRefund(string outRefundNo)
    {
        if (FindRefund(outRefundNo) is not { } refund) return null;
        lock (refund)
        {
            refund.Succeeded = true;
            refund.SucceededAt ??= clock.GetUtcNow();
        }
        return refund;
    }
}
