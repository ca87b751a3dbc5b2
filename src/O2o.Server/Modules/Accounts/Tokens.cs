using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

/// <summary>Issues short-lived access tokens and rotating, single-use refresh tokens (stored hashed).</summary>
internal sealed class Tokens(O2oDb db, UserManager<AppUser> users, PlatformSecrets secrets, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<TokenResponse> IssueAsync(AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = (await users.GetRolesAsync(user)).Order().ToArray();
        var storeIds = await db.Set<StaffStore>().Where(s => s.UserId == user.Id).Select(s => s.StoreId).ToListAsync(ct);

        var claims = new List<Claim> { new(O2oClaims.UserId, user.Id), new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")) };
        claims.AddRange(roles.Select(r => new Claim(O2oClaims.Role, r)));
        claims.AddRange(storeIds.Select(s => new Claim(O2oClaims.Store, s.ToString())));
        if (user.MerchantId is { } merchant) claims.Add(new Claim(O2oClaims.MerchantId, merchant.ToString()));

        var lifetime = options.Value.AccessTokenLifetime;
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Policies.SigningKey(secrets), SecurityAlgorithms.HmacSha256),
        });

        var refresh = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        db.Set<RefreshToken>().Add(new RefreshToken
        {
            UserId = user.Id,
            TokenHash = Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return new TokenResponse(access, refresh, (int)lifetime.TotalSeconds, roles);
    }

    /// <summary>Spends a refresh token once; a second use of a spent token revokes every token of its user.</summary>
    public async Task<Result<AppUser>> RedeemAsync(string refreshToken, CancellationToken ct)
    {
        var hash = Hash(refreshToken);
        var now = clock.GetUtcNow();
        var token = await db.Set<RefreshToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.ExpiresAt <= now) return AccountsErrors.InvalidRefreshToken;

        var spent = await db.Set<RefreshToken>()
            .Where(t => t.Id == token.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (spent == 0)
        {
            await db.Set<RefreshToken>().Where(t => t.UserId == token.UserId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            return AccountsErrors.InvalidRefreshToken;
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return AccountsErrors.InvalidRefreshToken;
        return user;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
