using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;
using StackExchange.Redis;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The gate shared by every node, in Redis: the units left and each customer's share, changed together by atomic
/// scripts. A missing key (first use, a Redis restart or flush) is rebuilt from the database; a sold-out key lives
/// two seconds, so it is checked against the database again. If Redis cannot be reached the database decides alone.
/// </summary>
internal sealed class RedisFlashSaleGate(IConnectionMultiplexer redis, IServiceScopeFactory scopes, ILogger<RedisFlashSaleGate> logger) : IFlashSaleGate
{
    private const int SoldOutTtlMs = 2000;
    private static readonly long KeyLifetimeMs = (long)TimeSpan.FromDays(2).TotalMilliseconds;

    // KEYS: remaining, buyers. ARGV: quantity, limit, customer, sold-out ttl.
    // -1: build the gate first; -2: the customer would pass the limit; 0: not enough units; 1: taken.
    private const string Take = """
        local r = redis.call('GET', KEYS[1])
        if not r then return -1 end
        local q = tonumber(ARGV[1])
        local held = tonumber(redis.call('HGET', KEYS[2], ARGV[3]) or '0')
        if held + q > tonumber(ARGV[2]) then return -2 end
        if tonumber(r) < q then return 0 end
        redis.call('HINCRBY', KEYS[2], ARGV[3], q)
        if redis.call('DECRBY', KEYS[1], q) == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return 1
        """;

    // KEYS: remaining, buyers. ARGV: quantity, customer, key lifetime.
    private const string GiveBack = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('INCRBY', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
        end
        if redis.call('HINCRBY', KEYS[2], ARGV[2], -tonumber(ARGV[1])) < 0 then redis.call('HSET', KEYS[2], ARGV[2], 0) end
        return 1
        """;

    // KEYS: remaining, buyers. ARGV: remaining, ttl of remaining, key lifetime, then customer, quantity pairs.
    private const string Build = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('DEL', KEYS[2])
        for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return 1
        """;

    public async Task<GateAnswer> TryTakeAsync(FlashSale sale, string customerId, int quantity, CancellationToken ct)
    {
        try
        {
            var db = redis.GetDatabase();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var answer = (int)await db.ScriptEvaluateAsync(Take, Keys(sale.Id), [quantity, sale.PerCustomerLimit, customerId, SoldOutTtlMs]);
                switch (answer)
                {
                    case 1: return GateAnswer.Taken;
                    case 0: return GateAnswer.SoldOut;
                    case -2: return GateAnswer.LimitExceeded;
                    default: await BuildAsync(db, sale.Id, ct); break;
                }
            }
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "The flash-sale gate in Redis is unavailable; the database decides alone");
        }
        return GateAnswer.Taken; // no gate to ask: let the database decide
    }

    public async Task GiveBackAsync(Guid saleId, string customerId, int quantity)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(GiveBack, Keys(saleId), [quantity, customerId, KeyLifetimeMs]);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not give {Quantity} units back to the Redis gate of sale {SaleId}; it is rebuilt from the database when its key expires", quantity, saleId);
        }
    }

    public async Task MarkSoldOutAsync(Guid saleId)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Keys(saleId)[0], 0, TimeSpan.FromMilliseconds(SoldOutTtlMs), When.Exists);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not mark sale {SaleId} sold out in Redis", saleId);
        }
    }

    /// <summary>The database's remaining units and shares become the gate's, unless another node built it first.</summary>
    private async Task BuildAsync(IDatabase db, Guid saleId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sql = scope.ServiceProvider.GetRequiredService<O2oDb>();
        var remaining = await sql.Set<FlashSale>().AsNoTracking().Where(s => s.Id == saleId).Select(s => s.Remaining).FirstOrDefaultAsync(ct);
        var held = await sql.Set<FlashSaleBuyer>().AsNoTracking().Where(b => b.SaleId == saleId && b.Quantity > 0)
            .Select(b => new { b.CustomerId, b.Quantity }).ToListAsync(ct);
        var args = new List<RedisValue> { remaining, remaining == 0 ? SoldOutTtlMs : KeyLifetimeMs, KeyLifetimeMs };
        foreach (var h in held) { args.Add(h.CustomerId); args.Add(h.Quantity); }
        await db.ScriptEvaluateAsync(Build, Keys(saleId), [.. args]);
    }

    private static RedisKey[] Keys(Guid saleId) => [$"o2o:flash-sale:{saleId:N}:remaining", $"o2o:flash-sale:{saleId:N}:buyers"];
}
