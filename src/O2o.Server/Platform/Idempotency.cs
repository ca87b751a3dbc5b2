using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header: the key and its answer are recorded in the same transaction as the
/// use case, so a retry gets the first answer and creates nothing new. A concurrent retry does the work too, but its
/// insert of the key fails on the unique key, so its work is rolled back and it answers with the first one's answer.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder, string scope) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(context);
            var key = values.ToString().Trim();
            if (key.Length is 0 or > MaxKeyLength || values.Count > 1)
                return Error.Validation(Header, $"Must be one value of 1 to {MaxKeyLength} characters.").ToProblem();

            var userId = Actor.From(http.User).UserId;
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var hash = RequestHash(http.Request.Path, context.Arguments, json);
            var db = http.RequestServices.GetRequiredService<O2oDb>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();

            // A key already answered is replayed without a transaction (and, on SQLite, without waiting for the writer).
            var first = await Find(db, userId, scope, key, http.RequestAborted);
            if (first is null)
            {
                // The use case's own transaction is kept open for the record (see O2oDb.KeepNextTransactionOpen), so its reads come first,
                // outside it; one that wrote nothing in a transaction gets one here.
                db.KeepNextTransactionOpen = true;
                object? result;
                try
                {
                    result = await next(context);
                }
                catch
                {
                    if (db.Database.CurrentTransaction is { } failed) await failed.DisposeAsync();
                    throw;
                }
                finally
                {
                    db.KeepNextTransactionOpen = false;
                }
                await using var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(http.RequestAborted);
                var inner = result is INestedHttpResult nested ? nested.Result : result;
                if (inner is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok)
                {
                    await transaction.RollbackAsync(http.RequestAborted); // a failure claims nothing: the key may be retried
                    db.ChangeTracker.Clear();
                    return result;
                }
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    UserId = userId, Scope = scope, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow(), StatusCode = ok.StatusCode ?? 200,
                    ResponseJson = inner is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : null,
                });
                if (await TryClaim(db, http.RequestAborted))
                {
                    await transaction.CommitAsync(http.RequestAborted);
                    return result;
                }
                // A concurrent request with the same key committed first: this one's work is undone and the first answer given.
                await transaction.RollbackAsync(http.RequestAborted);
                db.ChangeTracker.Clear();
                first = await Find(db, userId, scope, key, http.RequestAborted)
                        ?? throw new InvalidOperationException("An idempotency record vanished while being replayed.");
            }

            if (first.RequestHash != hash)
                return Error.Conflict("idempotency_key_reused", "This Idempotency-Key was already used with a different request.").ToProblem();
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return first.ResponseJson is null
                ? Results.StatusCode(first.StatusCode)
                : Results.Text(first.ResponseJson, "application/json", Encoding.UTF8, first.StatusCode);
        });

    private static Task<IdempotencyRecord?> Find(O2oDb db, string userId, string scope, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Scope == scope && r.Key == key, ct);

    private static async Task<bool> TryClaim(O2oDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // a concurrent request with the same key committed first
        }
    }

    private static string RequestHash(PathString path, IList<object?> arguments, JsonSerializerOptions json)
    {
        var builder = new StringBuilder(path.Value);
        foreach (var argument in arguments)
            if (argument?.GetType().Namespace == "O2o.Contracts")
                builder.Append('\n').Append(JsonSerializer.Serialize(argument, argument.GetType(), json));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
