using O2o.Server.Modules.GroupBuying;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

/// <summary>The money ledger: double-entry postings in fen, fed by the Payments module's events.</summary>
public static class LedgerModule
{
    public static void AddLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LedgerOptions>().Bind(builder.Configuration.GetSection("Ledger"))
            .Validate(o => o.CommissionBasisPoints is >= 0 and <= 10_000, "Ledger:CommissionBasisPoints must be between 0 and 10000.")
            .Validate(o => o.ReconciliationInterval > TimeSpan.Zero && o.ReconcileAfterHour is >= 0 and < 24, "Ledger:ReconciliationInterval must be positive and ReconcileAfterHour an hour.").ValidateOnStart();
        builder.Services.AddScoped<LedgerPosting>();
        builder.Services.AddScoped<Reconciliations>();
        builder.Services.AddHostedService<ReconciliationJob>();
        builder.Services.AddEventHandler<PaymentSucceeded, OnPaymentSucceeded>();
        builder.Services.AddEventHandler<PaymentRefunded, OnPaymentRefunded>();
        builder.Services.AddEventHandler<LeaderCommissionEarned, OnLeaderCommissionEarned>();
    }

    public static void MapLedger(this IEndpointRouteBuilder api)
    {
        LedgerQueries.Map(api);
        ReconciliationEndpoints.Map(api);
    }
}

internal sealed class LedgerOptions
{
    /// <summary>The platform's commission on the goods subtotal, in hundredths of a percent (500 = 5%).</summary>
    public int CommissionBasisPoints { get; set; } = 500;
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The Beijing hour after which yesterday's bills are fetched.</summary>
    public int ReconcileAfterHour { get; set; } = 11;
}
