using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Loyalty;

/// <summary>
/// Every change of a customer's points, in the caller's transaction: an entry in the append-only ledger, the lots it draws from or
/// gives to, and the balance, which stays the sum of both. The member's row is locked first, so one customer's changes never interleave;
/// lots past their date are expired before anything else, so a balance never offers points that have lapsed.
/// </summary>
internal sealed class PointsBook(O2oDb db, IOptions<LoyaltyOptions> options)
{
    /// <summary>Makes the member (tier 1, no points) if new and takes its row lock; the member as it now is.</summary>
    public async Task<Member> LockAsync(string customerId, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO loyalty_members (customer_id) VALUES ({customerId}) ON CONFLICT DO NOTHING", ct);
        await db.Set<Member>().Where(m => m.CustomerId == customerId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Version, m => m.Version + 1), ct);
        await ExpireDueAsync(customerId, now, ct);
        return await db.Set<Member>().AsNoTracking().FirstAsync(m => m.CustomerId == customerId, ct);
    }

    public Task<bool> HappenedAsync(string sourceKey, CancellationToken ct) => db.Set<PointsEntry>().AnyAsync(e => e.SourceKey == sourceKey, ct);

    /// <summary>Adds a lot of points expiring after the configured lifetime; nothing when <paramref name="sourceKey"/> already earned.</summary>
    public async Task<long> EarnAsync(string customerId, string kind, long points, string sourceKey, Guid? orderId, string? note, DateTimeOffset at,
        DateTimeOffset now, CancellationToken ct)
    {
        if (points <= 0 || await HappenedAsync(sourceKey, ct)) return 0;
        await LockAsync(customerId, now, ct);
        var entry = new PointsEntry { CustomerId = customerId, Kind = kind, Points = points, SourceKey = sourceKey, OrderId = orderId, Note = note, At = now };
        db.Add(entry);
        var expires = at + options.Value.PointsLifetime;
        // Points earned for something long past may already be out of date: they are recorded, then expire at once.
        db.Add(new PointsLot { CustomerId = customerId, EntryId = entry.Id, Points = points, Remaining = points, EarnedAt = at, ExpiresAt = expires });
        await AddToBalanceAsync(customerId, points, ct);
        await db.SaveChangesAsync(ct);
        if (expires <= now) await ExpireDueAsync(customerId, now, ct);
        return points;
    }

    /// <summary>Spends points oldest-expiry first; an error, with nothing spent, when the customer has fewer.</summary>
    public async Task<Error?> SpendAsync(string customerId, string kind, long points, string sourceKey, Guid? orderId, string? note, DateTimeOffset now,
        CancellationToken ct)
    {
        var member = await LockAsync(customerId, now, ct);
        if (member.Balance < points) return LoyaltyErrors.NotEnoughPoints(member.Balance);
        await DrawAsync(customerId, kind, points, sourceKey, orderId, note, now, ct);
        return null;
    }

    /// <summary>Takes back up to <paramref name="points"/> (what the balance has, no more): points earned on an order that was refunded.</summary>
    public async Task<long> ReverseAsync(string customerId, long points, string sourceKey, Guid? orderId, string? note, DateTimeOffset now, CancellationToken ct)
    {
        if (points <= 0 || await HappenedAsync(sourceKey, ct)) return 0;
        var member = await LockAsync(customerId, now, ct);
        var taken = Math.Min(points, member.Balance);
        if (taken > 0) await DrawAsync(customerId, PointsKinds.Reversal, taken, sourceKey, orderId, note, now, ct);
        return taken;
    }

    /// <summary>
    /// Gives back up to <paramref name="points"/> of what the order spent, to the lots they came from, latest expiry first; never more than
    /// the order spent and has not had back. Points whose lot has lapsed meanwhile expire at once.
    /// </summary>
    public async Task<long> GiveBackAsync(string customerId, Guid orderId, long points, string sourceKey, string? note, DateTimeOffset now, CancellationToken ct)
    {
        if (points <= 0 || await HappenedAsync(sourceKey, ct)) return 0;
        await LockAsync(customerId, now, ct);
        var entries = await db.Set<PointsEntry>().AsNoTracking()
            .Where(e => e.OrderId == orderId && e.CustomerId == customerId && (e.Kind == PointsKinds.Redeem || e.Kind == PointsKinds.GiveBack))
            .Select(e => e.Id).ToListAsync(ct);
        var net = await db.Set<PointsDraw>().AsNoTracking().Where(d => entries.Contains(d.EntryId))
            .GroupBy(d => d.LotId).Select(g => new { LotId = g.Key, Points = g.Sum(d => d.Points) }).Where(x => x.Points > 0).ToListAsync(ct);
        var owed = Math.Min(points, net.Sum(x => x.Points));
        if (owed <= 0) return 0;
        var lotIds = net.Select(x => x.LotId).ToList();
        var expiries = await db.Set<PointsLot>().AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.ExpiresAt, ct);
        var entry = new PointsEntry { CustomerId = customerId, Kind = PointsKinds.GiveBack, Points = owed, SourceKey = sourceKey, OrderId = orderId, Note = note, At = now };
        db.Add(entry);
        var left = owed;
        foreach (var lot in net.OrderByDescending(x => expiries[x.LotId]).ThenByDescending(x => x.LotId))
        {
            var back = Math.Min(left, lot.Points);
            db.Add(new PointsDraw { EntryId = entry.Id, LotId = lot.LotId, Points = -back });
            await db.Set<PointsLot>().Where(l => l.Id == lot.LotId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Remaining, l => l.Remaining + back), ct);
            left -= back;
            if (left == 0) break;
        }
        await AddToBalanceAsync(customerId, owed, ct);
        await db.SaveChangesAsync(ct);
        await ExpireDueAsync(customerId, now, ct);
        return owed;
    }

    /// <summary>Lots of the customer past their date lose what they have left, each in an entry of its own.</summary>
    public async Task<long> ExpireDueAsync(string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<PointsLot>().AsNoTracking().Where(l => l.CustomerId == customerId && l.ExpiresAt <= now && l.Remaining > 0).ToListAsync(ct);
        foreach (var lot in due)
        {
            var entry = new PointsEntry
            {
                CustomerId = customerId, Kind = PointsKinds.Expiry, Points = -lot.Remaining, SourceKey = $"expiry:{lot.Id:N}:{lot.Remaining}:{now.UtcTicks}",
                Note = $"earned {lot.EarnedAt:yyyy-MM-dd}", At = now,
            };
            db.Add(entry);
            db.Add(new PointsDraw { EntryId = entry.Id, LotId = lot.Id, Points = lot.Remaining });
            await db.Set<PointsLot>().Where(l => l.Id == lot.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Remaining, 0L), ct);
        }
        if (due.Count == 0) return 0;
        var expired = due.Sum(l => l.Remaining);
        await AddToBalanceAsync(customerId, -expired, ct);
        await db.SaveChangesAsync(ct);
        return expired;
    }

    private async Task DrawAsync(string customerId, string kind, long points, string sourceKey, Guid? orderId, string? note, DateTimeOffset now, CancellationToken ct)
    {
        var entry = new PointsEntry { CustomerId = customerId, Kind = kind, Points = -points, SourceKey = sourceKey, OrderId = orderId, Note = note, At = now };
        db.Add(entry);
        var left = points;
        while (left > 0)
        {
            var lots = await db.Set<PointsLot>().AsNoTracking().Where(l => l.CustomerId == customerId && l.Remaining > 0)
                .OrderBy(l => l.ExpiresAt).ThenBy(l => l.Id).Take(50).ToListAsync(ct);
            if (lots.Count == 0) throw new InvalidOperationException($"Points of {customerId} do not add up: {left} more to draw and no lot left.");
            foreach (var lot in lots)
            {
                var take = Math.Min(left, lot.Remaining);
                db.Add(new PointsDraw { EntryId = entry.Id, LotId = lot.Id, Points = take });
                await db.Set<PointsLot>().Where(l => l.Id == lot.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Remaining, l => l.Remaining - take), ct);
                left -= take;
                if (left == 0) break;
            }
        }
        await AddToBalanceAsync(customerId, -points, ct);
        await db.SaveChangesAsync(ct);
    }

    private Task<int> AddToBalanceAsync(string customerId, long points, CancellationToken ct) =>
        db.Set<Member>().Where(m => m.CustomerId == customerId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Balance, m => m.Balance + points), ct);
}
