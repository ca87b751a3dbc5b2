using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>Vouchers (团购券): bought online as an order, issued as codes, redeemed at the counter, refunded when unused or expired.</summary>
public static class VouchersModule
{
    public static void AddVouchers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VouchersOptions>().Bind(builder.Configuration.GetSection("Vouchers"))
            .Validate(o => o.ExpiryInterval > TimeSpan.Zero && o.CodeFailureWindow > TimeSpan.Zero && o.CodeMaxFailures > 0,
                "Vouchers:ExpiryInterval, CodeFailureWindow and CodeMaxFailures must be positive.").ValidateOnStart();
        builder.Services.AddScoped<VoucherExpiry>();
        builder.Services.AddHostedService<VoucherExpiryJob>();
        builder.Services.AddEventHandler<VoucherOrderPaid, IssueVouchers>();
    }

    public static void MapVouchers(this IEndpointRouteBuilder api)
    {
        VoucherTermsEndpoints.Map(api);
        PurchaseVouchers.Map(api);
        CustomerVouchers.Map(api);
        RedeemVoucher.Map(api);
    }
}

internal sealed class VouchersOptions
{
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Wrong codes a store may type within <see cref="CodeFailureWindow"/> before redemptions there pause.</summary>
    public int CodeMaxFailures { get; set; } = 10;
    public TimeSpan CodeFailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
