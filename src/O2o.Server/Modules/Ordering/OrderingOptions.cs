namespace O2o.Server.Modules.Ordering;

internal sealed class OrderingOptions
{
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>How often the expiry job looks for unpaid orders past their deadline.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int PickupCodeMaxFailures { get; set; } = 5;
    public TimeSpan PickupCodeFailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}

