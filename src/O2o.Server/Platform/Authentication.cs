using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

public sealed class AuthOptions
{
    public const string Issuer = "o2o-commerce";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Role-based policies every route names; ownership is checked by the use case.</summary>
public static class Policies
{
    public const string Customer = "customer";
    public const string StoreOperator = "store_operator";
    public const string Admin = "admin";
    public const string PlatformAdmin = "platform_admin";
    public const string Rider = "rider";

    public static void AddO2oAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection("Auth"))
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > o.AccessTokenLifetime, "Auth lifetimes must be positive, refresh longer than access.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwt>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, p => p.RequireRole(Roles.Customer))
            .AddPolicy(StoreOperator, p => p.RequireRole(Roles.StoreStaff, Roles.MerchantAdmin, Roles.PlatformAdmin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.MerchantAdmin, Roles.PlatformAdmin))
            .AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
            .AddPolicy(Rider, p => p.RequireRole(Roles.Rider));
    }

    /// <summary>
    /// One key object for the life of the process: token libraries cache a signature provider (with native HMAC
    /// state) per key object, so a new key per request would leak providers and keep the finalizer busy.
    /// </summary>
    internal static SymmetricSecurityKey SigningKey(PlatformSecrets secrets) => secrets.SigningKey;

    private sealed class ConfigureJwt(PlatformSecrets secrets) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options) => Configure(options);

        public void Configure(JwtBearerOptions options)
        {
            options.MapInboundClaims = false;
            // Browsers cannot set headers on a WebSocket, so SignalR clients send the token as access_token on hub paths.
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: 1 } token)
                        context.Token = token.ToString();
                    return Task.CompletedTask;
                },
            };
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new CachingJsonWebTokenHandler() { MapInboundClaims = false });
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Issuer,
                IssuerSigningKeyResolver = (_, _, _, _) => [SigningKey(secrets)],
                NameClaimType = O2oClaims.UserId,
                RoleClaimType = O2oClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        }
    }
}

