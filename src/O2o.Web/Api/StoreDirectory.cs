namespace O2o.Web.Api;

/// <summary>Stores this circuit has looked up, for their names and time zones on order pages.</summary>
public sealed class StoreDirectory(ConsoleApi api)
{
    private readonly Dictionary<string, StoreResponse> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task<StoreResponse?> FindAsync(string storeId)
    {
        if (_known.TryGetValue(storeId, out var store)) return store;
        var found = await api.GetAsync<StoreResponse>($"api/stores/{Uri.EscapeDataString(storeId)}");
        if (found.Value is not null) _known[storeId] = found.Value;
        return found.Value;
    }

    public void Remember(IEnumerable<StoreResponse> stores)
    {
        foreach (var s in stores) _known[s.Id] = s;
    }
}
