using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Platform;

/// <summary>
/// Keys the platform needs but an operator may not have configured (token signing, sandbox notifications).
/// A configured value wins; otherwise one random value is created in the database, so every node shares it.
/// Values are never logged.
/// </summary>
public sealed class PlatformSecrets(IConfiguration configuration)
{
    public const string TokenSigningKey = "auth-signing-key";
    public const string SandboxNotifyKey = "sandbox-notify-key";

    private static readonly (string Name, string ConfigKey)[] Known =
    [
        (TokenSigningKey, "Auth:SigningKey"),
        (SandboxNotifyKey, "Payments:Sandbox:NotifyKey"),
    ];

    private readonly Dictionary<string, byte[]> _values = [];
    private Microsoft.IdentityModel.Tokens.SymmetricSecurityKey? _signingKey;

    /// <summary>The token signing key as the token library wants it, made once.</summary>
    public Microsoft.IdentityModel.Tokens.SymmetricSecurityKey SigningKey => _signingKey ??= new(Get(TokenSigningKey));

    public byte[] Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Secret {name} was not loaded at start-up.");

    internal async Task LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        foreach (var (name, configKey) in Known)
        {
            if (configuration[configKey] is { Length: > 0 } configured)
            {
                if (configured.Length < 32) throw new InvalidOperationException($"{configKey} must be at least 32 characters.");
                _values[name] = System.Text.Encoding.UTF8.GetBytes(configured);
                continue;
            }
            _values[name] = Convert.FromBase64String(await LoadOrCreateAsync(db, name, ct));
        }
    }

    private static async Task<string> LoadOrCreateAsync(O2oDb db, string name, CancellationToken ct)
    {
        var existing = await db.PlatformSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, ct);
        if (existing is not null) return existing.Value;
        db.PlatformSecrets.Add(new PlatformSecret { Name = name, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node created it first
        }
        return (await db.PlatformSecrets.AsNoTracking().FirstAsync(s => s.Name == name, ct)).Value;
    }
}
