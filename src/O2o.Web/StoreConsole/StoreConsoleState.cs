namespace O2o.Web.StoreConsole;

/// <summary>The store this tab works for.</summary>
public sealed class StoreConsoleState
{
    public StoreResponse? Store { get; set; }
}
