namespace O2o.Server.Modules.Delivery;

/// <summary>The <c>Delivery</c> settings: fees, promises, dispatch and position handling.</summary>
internal sealed class DeliveryOptions
{
    public long BaseFeeFen { get; set; } = 500;
    public long PerKmFeeFen { get; set; } = 100;
    /// <summary>What a no-rush delivery costs, in percent of the express fee.</summary>
    public int NoRushFeePercent { get; set; } = 60;
    /// <summary>No-rush windows are this long, aligned on the store's clock (e.g. 14:00–16:00).</summary>
    public TimeSpan NoRushWindow { get; set; } = TimeSpan.FromHours(2);
    /// <summary>From payment until the parcel is ready at the counter.</summary>
    public TimeSpan PreparationTime { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Streets are not straight: route length is the straight line times this.</summary>
    public double DetourFactor { get; set; } = 1.3;
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Time the solver may take per planning round.</summary>
    public TimeSpan PlanningTimeLimit { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A rider who neither accepts nor declines an offer in this time loses it (and is not offered it again).</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>A default shift when a rider starts one without saying until when.</summary>
    public TimeSpan DefaultShift { get; set; } = TimeSpan.FromHours(4);
    /// <summary>Positions closer together than this are applied but not kept (throttle).</summary>
    public TimeSpan PositionMinInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Kept positions are deleted after this (privacy).</summary>
    public TimeSpan PositionRetention { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A position further than this from every store of the rider's zone is refused.</summary>
    public double ZoneMarginKm { get; set; } = 3;
    /// <summary>Positions implying a faster move than this are refused as implausible (GPS jumps, spoofing).</summary>
    public double MaxPlausibleSpeedKmh { get; set; } = 120;

    public long FeeFor(double distanceKm, string speed)
    {
        var express = BaseFeeFen + PerKmFeeFen * (long)Math.Ceiling(Math.Max(0, distanceKm));
        // Rounded down to the fen: the customer never pays more than the stated percentage.
        return speed == DeliverySpeeds.NoRush ? express * NoRushFeePercent / 100 : express;
    }
}
