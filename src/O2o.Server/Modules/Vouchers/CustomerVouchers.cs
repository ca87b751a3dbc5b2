using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Payments;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>A customer's vouchers, and giving back the uses left at any time before they are used (随时退).</summary>
internal static class CustomerVouchers
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/vouchers").RequireAuthorization(Policies.Customer).WithTags("Vouchers");
        mine.MapGet("", List).WithSummary("My vouchers, newest first, a page at a time (status filter; X-Total-Count)");
        mine.MapGet("/{voucherId}", Get).WithSummary("One of my vouchers, with its code and redemptions");
        mine.MapPost("/{voucherId}/refund", GiveBackUnused)
            .WithSummary("Give back the uses left: the whole price if none was used, else their share; refunded through the original payment");
    }

    private static async Task<IResult> List(string? status, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        var v = new Validation().Page(page, pageSize, 200);
        if (status is not null && status is not (VoucherStatus.Active or VoucherStatus.Used or VoucherStatus.Refunded or VoucherStatus.Expired))
            v.Add("status", "Must be active, used, refunded or expired.");
        if (v.Error is { } invalid) return invalid.ToProblem();
        var customer = Actor.From(principal).UserId;
        var query = db.Set<Voucher>().AsNoTracking().Where(x => x.CustomerId == customer);
        if (status is not null) query = query.Where(x => x.Status == status);
        var vouchers = await Paging.PageAsync(query.OrderByDescending(x => x.Id), page, pageSize, http, ct);
        return Results.Ok(await VoucherViews.ToResponsesAsync(db, vouchers, http.PrefersEnglish(), ct));
    }

    private static async Task<IResult> Get(string voucherId, ClaimsPrincipal principal, HttpContext http, O2oDb db, CancellationToken ct)
    {
        var voucher = await FindOwnAsync(voucherId, principal, db, ct);
        if (voucher is null) return VouchersErrors.VoucherNotFound.ToProblem();
        return Results.Ok((await VoucherViews.ToResponsesAsync(db, [voucher], http.PrefersEnglish(), ct))[0]);
    }

    private static async Task<IResult> GiveBackUnused(string voucherId, ClaimsPrincipal principal, HttpContext http, O2oDb db, EventBus events, TimeProvider clock,
        CancellationToken ct)
    {
        var voucher = await FindOwnAsync(voucherId, principal, db, ct);
        if (voucher is null) return VouchersErrors.VoucherNotFound.ToProblem();
        var now = clock.GetUtcNow();
        var refunded = await db.InTransactionAsync(async () =>
            await GiveBackAsync(db, events, voucher, VoucherStatus.Refunded, "refunded by the customer 顾客申请退款", now, ct), r => r, ct);
        if (!refunded) return VouchersErrors.NotRefundable.ToProblem();
        var fresh = await db.Set<Voucher>().AsNoTracking().FirstAsync(x => x.Id == voucher.Id, ct);
        return Results.Ok((await VoucherViews.ToResponsesAsync(db, [fresh], http.PrefersEnglish(), ct))[0]);
    }

    /// <summary>
    /// Closes an active voucher with uses left, conditionally (a redemption or the expiry job may be racing), and asks
    /// Payments for the money of the uses left in the same transaction; false when there was nothing to give back.
    /// </summary>
    public static async Task<bool> GiveBackAsync(O2oDb db, EventBus events, Voucher voucher, string status, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var refundId = Guid.CreateVersion7();
        var closed = await db.Set<Voucher>()
            .Where(x => x.Id == voucher.Id && x.Status == VoucherStatus.Active && x.RemainingUses == voucher.RemainingUses && x.RemainingUses > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, status).SetProperty(x => x.RefundedFen, voucher.RefundableFen)
                .SetProperty(x => x.RefundId, refundId).SetProperty(x => x.ClosedAt, now), ct);
        if (closed == 0) return false;
        if (voucher.RefundableFen > 0)
            events.Publish(new RefundRequested(refundId, voucher.OrderId, voucher.RefundableFen, $"{reason} {voucher.Code[^4..]}", "vouchers"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Voucher?> FindOwnAsync(string voucherId, ClaimsPrincipal principal, O2oDb db, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        return Guid.TryParse(voucherId, out var id)
            ? await db.Set<Voucher>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.CustomerId == customer, ct)
            : null;
    }
}

internal static class VoucherViews
{
    public static async Task<List<VoucherResponse>> ToResponsesAsync(O2oDb db, IReadOnlyList<Voucher> vouchers, bool english, CancellationToken ct)
    {
        var ids = vouchers.Select(x => x.Id).ToList();
        var redemptions = (await db.Set<VoucherRedemption>().AsNoTracking().Where(r => ids.Contains(r.VoucherId)).ToListAsync(ct))
            .OrderBy(r => r.At).ToLookup(r => r.VoucherId);
        return vouchers.Select(x => new VoucherResponse(x.Id.ToString(), x.Code, Voucher.QrPayload(x.Code), x.ProductId.ToString(), x.DisplayName(english),
            x.OrderId.ToString(), x.Uses, x.RemainingUses, x.PriceFen, x.RefundedFen, x.StoreIds.Select(s => s.ToString()).ToArray(), x.ValidUntil, x.Status,
            x.IssuedAt, redemptions[x.Id].Select(r => new VoucherRedemptionView(r.Id.ToString(), r.StoreId.ToString(), r.Uses, r.At)).ToArray())).ToList();
    }
}
