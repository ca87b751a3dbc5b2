using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>
/// Redemption at the counter (核销): staff type or scan the code and take one use or several. The uses are taken by a
/// conditional update, so two tills redeeming the last use at once redeem it once; each redemption names store and staff.
/// </summary>
internal static class RedeemVoucher
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}/voucher-redemptions").RequireAuthorization(Policies.StoreOperator).WithTags("Vouchers");
        store.MapPost("", Redeem).WithSummary("Redeem a voucher here by its code (or its QR payload): one use by default; wrong codes are rate-limited");
        store.MapGet("", List).WithSummary("This store's redemptions, newest first, a page at a time (X-Total-Count)");
    }

    private static async Task<IResult> Redeem(string storeId, RedeemVoucherRequest request, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        IOptions<VouchersOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var store = await stores.FindOperableAsync(storeId, actor, ct);
        if (store is null) return VouchersErrors.StoreNotFound.ToProblem();
        var code = request.Code?.Trim().Replace("o2o:voucher:", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var v = new Validation().Range("uses", request.Uses, 1, VoucherTermsEndpoints.MaxUses, required: false);
        if (string.IsNullOrEmpty(code) || code.Length != 12 || !code.All(char.IsAsciiDigit)) v.Add("code", "The voucher's 12 digits.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var uses = request.Uses ?? 1;
        var now = clock.GetUtcNow();
        var limits = options.Value;

        var since = now - limits.CodeFailureWindow;
        var failures = await db.Set<VoucherCodeFailure>().AsNoTracking().CountAsync(f => f.StoreId == store.Id && f.At > since, ct);
        if (failures >= limits.CodeMaxFailures)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limits.CodeFailureWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return VouchersErrors.TooManyAttempts.ToProblem();
        }

        var voucher = await db.Set<Voucher>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (voucher is null)
        {
            db.Add(new VoucherCodeFailure { StoreId = store.Id, At = now });
            await db.SaveChangesAsync(ct);
            await db.Set<VoucherCodeFailure>().Where(f => f.StoreId == store.Id && f.At < now.AddDays(-1)).ExecuteDeleteAsync(ct);
            return VouchersErrors.VoucherNotFound.ToProblem();
        }
        if (!voucher.StoreIds.Contains(store.Id)) return VouchersErrors.NotValidAtStore.ToProblem();
        if (voucher.Status is VoucherStatus.Refunded or VoucherStatus.Expired) return VouchersErrors.Closed.ToProblem();
        if (voucher.ValidUntil <= now) return VouchersErrors.Expired.ToProblem();

        var redemption = new VoucherRedemption { VoucherId = voucher.Id, StoreId = store.Id, StaffId = actor.UserId, Uses = uses, At = now };
        var taken = await db.InTransactionAsync(async () =>
        {
            var updated = await db.Set<Voucher>()
                .Where(x => x.Id == voucher.Id && x.Status == VoucherStatus.Active && x.RemainingUses >= uses && x.ValidUntil > now)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.RemainingUses, x => x.RemainingUses - uses)
                    .SetProperty(x => x.Status, x => x.RemainingUses == uses ? VoucherStatus.Used : VoucherStatus.Active)
                    .SetProperty(x => x.ClosedAt, x => x.RemainingUses == uses ? now : x.ClosedAt), ct);
            if (updated == 0) return false;
            db.Add(redemption);
            await db.SaveChangesAsync(ct);
            return true;
        }, t => t, ct);
        if (!taken)
        {
            var current = await db.Set<Voucher>().AsNoTracking().FirstAsync(x => x.Id == voucher.Id, ct);
            return (current.Status is VoucherStatus.Refunded or VoucherStatus.Expired ? VouchersErrors.Closed
                : VouchersErrors.UsedUp with { Extensions = new Dictionary<string, object?> { ["remainingUses"] = current.RemainingUses } }).ToProblem();
        }
        return Results.Ok(new RedemptionResponse(redemption.Id.ToString(), voucher.Id.ToString(), voucher.Code, voucher.DisplayName(http.PrefersEnglish()),
            store.Id.ToString(), actor.UserId, uses, voucher.RemainingUses - uses, now));
    }

    private static async Task<IResult> List(string storeId, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores,
        CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return VouchersErrors.StoreNotFound.ToProblem();
        if (new Validation().Page(page, pageSize, 200).Error is { } invalid) return invalid.ToProblem();
        var redemptions = await Paging.PageAsync(db.Set<VoucherRedemption>().AsNoTracking().Where(r => r.StoreId == store.Id).OrderByDescending(r => r.Id),
            page, pageSize, http, ct);
        var ids = redemptions.Select(r => r.VoucherId).Distinct().ToList();
        var vouchers = await db.Set<Voucher>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var english = http.PrefersEnglish();
        return Results.Ok(redemptions.Select(r => new RedemptionResponse(r.Id.ToString(), r.VoucherId.ToString(), vouchers[r.VoucherId].Code,
            vouchers[r.VoucherId].DisplayName(english), r.StoreId.ToString(), r.StaffId, r.Uses, vouchers[r.VoucherId].RemainingUses, r.At)).ToList());
    }
}
