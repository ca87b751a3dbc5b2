using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace O2o.Web.Api;

/// <summary>
/// Keeps each console's refresh token in the browser (encrypted with the server's data-protection keys), so a reload
/// or a new circuit signs the user back in instead of asking again.
/// </summary>
public sealed class SessionStore(ProtectedLocalStorage storage)
{
    private static string Key(ConsoleArea area) => $"o2o.session.{area.ToString().ToLowerInvariant()}";

    public async Task KeepAsync(ConsoleArea area, string refreshToken)
    {
        try { await storage.SetAsync(Key(area), refreshToken); }
        catch (JSDisconnectedException) { }
    }

    public async Task<string?> ReadAsync(ConsoleArea area)
    {
        try
        {
            var stored = await storage.GetAsync<string>(Key(area));
            return stored.Success ? stored.Value : null;
        }
        catch (CryptographicException) { return null; } // kept by another server's keys
        catch (JSDisconnectedException) { return null; }
    }

    public async Task ForgetAsync(ConsoleArea area)
    {
        try { await storage.DeleteAsync(Key(area)); }
        catch (JSDisconnectedException) { }
    }
}
