using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

/// <summary>One comparison of a gateway's daily bill with the ledger, kept with every mismatch it found.</summary>
internal sealed class LedgerReconciliation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Method { get; init; }
    /// <summary>The Beijing calendar day of the bill, yyyy-MM-dd.</summary>
    public required string Day { get; init; }
    public DateTimeOffset RunAt { get; init; }
    public int Matched { get; init; }
    public int Mismatched { get; init; }
    public required string Mismatches { get; init; }
}

/// <summary>missing: in the gateway's bill, not in the ledger; extra: in the ledger, not in the bill; amount_differs: in both, not equal.</summary>
internal sealed record ReconciliationMismatch(string Kind, string Source, long? LedgerFen, long? GatewayFen);

internal sealed record ReconciliationReport(string Id, string Method, string Day, DateTimeOffset RunAt, int Matched, IReadOnlyList<ReconciliationMismatch> Mismatches);

internal sealed class Reconciliations(O2oDb db, IPaymentBills bills, TimeProvider clock)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<Result<ReconciliationReport>> RunAsync(string method, DateOnly day, CancellationToken ct)
    {
        var bill = await bills.DownloadAsync(method, day, ct);
        if (!bill.IsSuccess) return bill.Error!;
        var gateway = bill.Value.ToDictionary(b => $"{b.Kind}:{b.Id:N}", b => b.AmountFen);

        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing).ToUniversalTime();
        var to = from.AddDays(1);
        var account = LedgerAccounts.Gateway(method);
        var posted = await db.Set<LedgerLine>().AsNoTracking().Where(l => l.Account == account)
            .Join(db.Set<LedgerEntry>().Where(e => e.At >= from && e.At < to), l => l.EntryId, e => e.Id, (l, e) => new { e.SourceKey, l.AmountFen })
            .ToListAsync(ct);
        var ledger = posted.GroupBy(p => p.SourceKey).ToDictionary(g => g.Key, g => Math.Abs(g.Sum(p => p.AmountFen)));

        var mismatches = new List<ReconciliationMismatch>();
        foreach (var (source, fen) in gateway)
        {
            if (!ledger.TryGetValue(source, out var booked)) mismatches.Add(new("missing", source, null, fen));
            else if (booked != fen) mismatches.Add(new("amount_differs", source, booked, fen));
        }
        mismatches.AddRange(ledger.Where(l => !gateway.ContainsKey(l.Key)).Select(l => new ReconciliationMismatch("extra", l.Key, l.Value, null)));

        var run = new LedgerReconciliation
        {
            Method = method, Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), RunAt = clock.GetUtcNow(),
            Matched = gateway.Count - mismatches.Count(m => m.Kind != "extra"), Mismatched = mismatches.Count,
            Mismatches = JsonSerializer.Serialize(mismatches, JsonSerializerOptions.Web),
        };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        return ToReport(run);
    }

    public static ReconciliationReport ToReport(LedgerReconciliation r) =>
        new(r.Id.ToString(), r.Method, r.Day, r.RunAt, r.Matched, JsonSerializer.Deserialize<List<ReconciliationMismatch>>(r.Mismatches, JsonSerializerOptions.Web) ?? []);
}
