using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

internal sealed record AccountBalance(string Account, long BalanceFen);
internal sealed record LedgerBalances(IReadOnlyList<AccountBalance> Accounts, long TotalFen, int Entries);
internal sealed record LedgerLineView(string Account, long AmountFen);
internal sealed record LedgerEntryView(string Id, string Kind, string Source, string OrderId, DateTimeOffset At, IReadOnlyList<LedgerLineView> Lines);

/// <summary>Balances per account (debits positive) and the entries of an order; the total of every balance is always zero.</summary>
internal static class LedgerQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/ledger/balances", Balances).RequireAuthorization(Policies.PlatformAdmin).WithTags("Ledger")
            .WithSummary("Balance of every ledger account in fen (debits positive); totalFen is zero when the books balance");
        api.MapGet("/admin/ledger/entries", Entries).RequireAuthorization(Policies.PlatformAdmin).WithTags("Ledger")
            .WithSummary("Ledger entries of an order, with their lines");
    }

    private static async Task<IResult> Balances(O2oDb db, CancellationToken ct)
    {
        var accounts = await db.Set<LedgerLine>().GroupBy(l => l.Account)
            .Select(g => new AccountBalance(g.Key, g.Sum(l => l.AmountFen))).ToListAsync(ct);
        var entries = await db.Set<LedgerEntry>().CountAsync(ct);
        return Results.Ok(new LedgerBalances(accounts.OrderBy(a => a.Account, StringComparer.Ordinal).ToList(), accounts.Sum(a => a.BalanceFen), entries));
    }

    private static async Task<IResult> Entries(string? orderId, O2oDb db, CancellationToken ct)
    {
        if (!Guid.TryParse(orderId, out var id)) return Kernel.Error.Validation("orderId", "Required: the order's id.").ToProblem();
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Lines).Where(e => e.OrderId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return Results.Ok(entries.Select(e => new LedgerEntryView(e.Id.ToString(), e.Kind, e.SourceKey, e.OrderId.ToString(), e.At,
            e.Lines.OrderBy(l => l.Account, StringComparer.Ordinal).Select(l => new LedgerLineView(l.Account, l.AmountFen)).ToList())).ToList());
    }
}
