using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace O2o.Server.Platform;

/// <summary>
/// Validates each access token once per node and remembers the result until the token expires: a customer sends the
/// same token with every request, and checking its signature and parsing its claims is a large share of a cheap
/// request's cost (a flash sale's sold-out answer). Access tokens are never revoked before they expire, so a
/// remembered result is the answer validation would give again. Each request gets its own copy of the identity.
/// </summary>
internal sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = DateTime.UtcNow; // the clock the token library itself checks lifetimes with
        if (_valid.TryGetValue(token, out var known))
        {
            if (now < known.Until) return known.Copy();
            _valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, ClaimsIdentity: { } identity, SecurityToken: { } validated })
        {
            if (_valid.Count >= MaxEntries) _valid.Clear(); // crude, and enough: tokens live minutes
            _valid[token] = new Entry(identity, validated, validated.ValidTo + validationParameters.ClockSkew);
        }
        return result;
    }

    private sealed record Entry(ClaimsIdentity Identity, SecurityToken Token, DateTime Until)
    {
        public TokenValidationResult Copy() => new() { IsValid = true, ClaimsIdentity = Identity.Clone(), SecurityToken = Token };
    }
}
