namespace O2o.Web.Api;

/// <summary>Each console keeps its own sign-in, so one browser can be a customer in one tab and staff in another.</summary>
public enum ConsoleArea { Shop, Store, Admin }

public sealed record SignedInUser(string AccessToken, string RefreshToken, MeResponse Me)
{
    public bool Is(string role) => Me.Roles.Contains(role, StringComparer.Ordinal);
    public bool IsAdmin => Is("platform_admin") || Is("merchant_admin");
}

/// <summary>The signed-in users of this circuit (one browser tab), per console.</summary>
public sealed class ApiSession
{
    private readonly Dictionary<ConsoleArea, SignedInUser> _users = [];
    private readonly HashSet<ConsoleArea> _restored = [];

    public ConsoleArea Area { get; set; }

    public SignedInUser? User => _users.GetValueOrDefault(Area);

    public event Action? Changed;

    public bool WasRestored(ConsoleArea area) => _restored.Contains(area);

    public void MarkRestored(ConsoleArea area) => _restored.Add(area);

    public void Set(ConsoleArea area, SignedInUser? user)
    {
        if (user is null) _users.Remove(area);
        else _users[area] = user;
        Changed?.Invoke();
    }
}
