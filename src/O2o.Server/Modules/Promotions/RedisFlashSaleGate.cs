using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;
using StackExchange.Redis;

namespace O2o.Server.Modules.Promotions;

/// <summary>
/// The gate shared by every node, in Redis, counted down by atomic scripts. A missing key (first use, a Redis
/// restart or flush) is rebuilt from the database; a sold-out key lives two seconds, so units that come back from
/// expired orders are seen again. If Redis cannot be reached the request goes on to the database, which decides.
/// </summary>
internal sealed class RedisFlashSaleGate(IConnectionMultiplexer redis, IServiceScopeFactory scopes, ILogger<RedisFlashSaleGate> logger) : IFlashSaleGate
{
    private const int SoldOutTtlMs = 2000;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(2);

    // Returns -1 when the key must be built from the database, 0 when there are not enough units, 1 when taken.
    private const string Take = """
        local r = redis.call('GET', KEYS[1])
        if not r then return -1 end
        local q = tonumber(ARGV[1])
        if tonumber(r) < q then return 0 end
        if redis.call('DECRBY', KEYS[1], q) == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 1
        """;

    private const string GiveBack = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('INCRBY', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 1
        """;

    public async Task<bool> TryTakeAsync(Guid saleId, int quantity, CancellationToken ct)
    {
        try
        {
            var db = redis.GetDatabase();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var taken = (int)await db.ScriptEvaluateAsync(Take, [Key(saleId)], [quantity, SoldOutTtlMs]);
                if (taken >= 0) return taken == 1;
                await BuildAsync(db, saleId, ct);
            }
            return true; // the key keeps vanishing: let the database decide
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "The flash-sale gate in Redis is unavailable; the database decides alone");
            return true;
        }
    }

    public async Task GiveBackAsync(Guid saleId, int quantity)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(GiveBack, [Key(saleId)], [quantity, (long)KeyLifetime.TotalMilliseconds]);
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
            await redis.GetDatabase().StringSetAsync(Key(saleId), 0, TimeSpan.FromMilliseconds(SoldOutTtlMs), When.Exists);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not mark sale {SaleId} sold out in Redis", saleId);
        }
    }

    /// <summary>The database's remaining units become the gate's, unless another node built it first.</summary>
    private async Task BuildAsync(IDatabase db, Guid saleId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var remaining = await scope.ServiceProvider.GetRequiredService<O2oDb>().Set<FlashSale>().AsNoTracking()
            .Where(s => s.Id == saleId).Select(s => s.Remaining).FirstOrDefaultAsync(ct);
        await db.StringSetAsync(Key(saleId), remaining, remaining == 0 ? TimeSpan.FromMilliseconds(SoldOutTtlMs) : KeyLifetime, When.NotExists);
    }

    private static RedisKey Key(Guid saleId) => $"o2o:flash-sale:{saleId:N}:remaining";
}
