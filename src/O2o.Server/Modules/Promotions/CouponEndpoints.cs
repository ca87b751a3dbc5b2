using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Promotions;

/// <summary>Coupons reach wallets three ways: an admin issues them, a customer claims one (领券), or redeems a code (兑换码).</summary>
internal static class CouponEndpoints
{
    public const int MaxIssue = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/admin/promotions/{promotionId}/coupons", Issue).RequireAuthorization(Policies.Admin).WithTags("Promotions and coupons")
            .WithSummary("Issue a coupon of this definition to each customer of the list; all or none");
        var customer = api.MapGroup("").RequireAuthorization(Policies.Customer).WithTags("Promotions and coupons");
        customer.MapGet("/me/coupons", Wallet).WithSummary("My coupons (wallet): available, used (by which order) and expired");
        customer.MapGet("/coupons/claimable", Claimable).WithSummary("Coupons I may claim now");
        customer.MapPost("/coupons/{promotionId}/claim", Claim).WithSummary("Claim a claimable coupon (领券)");
        customer.MapPost("/coupons/redeem", Redeem).WithSummary("Redeem a coupon code (兑换码)");
    }

    private static async Task<Results<Created<IssueCouponsResponse>, ProblemHttpResult>> Issue(string promotionId, IssueCouponsRequest request, ClaimsPrincipal principal,
        O2oDb db, IAccounts accounts, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        if (request.CustomerIds is not { Length: > 0 and <= MaxIssue }) v.Add("customerIds", $"From 1 to {MaxIssue} customer ids.");
        else if (request.CustomerIds.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 64)) v.Add("customerIds", "Each must be a customer id.");
        if (v.Error is not null) return v.Error.ToProblem();
        var definition = await PromotionAdminEndpoints.FindAsync(db, promotionId, Actor.From(principal), tracked: false, ct);
        if (definition is not { IsCoupon: true }) return CouponErrors.PromotionNotFound.ToProblem();
        var now = clock.GetUtcNow();
        if (definition.EndsAt <= now) return CouponErrors.PromotionEnded.ToProblem();
        var ids = request.CustomerIds!.Distinct().ToList();
        var known = await accounts.ExistingCustomersAsync(ids, ct);
        var unknown = ids.Where(id => !known.Contains(id)).ToArray();
        if (unknown.Length > 0) return (CouponErrors.CustomerNotFound with { Extensions = new Dictionary<string, object?> { ["customerIds"] = unknown } }).ToProblem();

        var result = await db.InTransactionAsync(async () =>
        {
            var issued = new List<string>();
            foreach (var customerId in ids)
            {
                var coupon = await IssueAsync(db, definition, customerId, "issued", now, ct);
                if (!coupon.IsSuccess) return coupon.Error!;
                issued.Add(coupon.Value.Id.ToString());
            }
            await db.SaveChangesAsync(ct);
            return (Result<List<string>>)issued;
        }, r => r.IsSuccess, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/admin/promotions/{definition.Id}", new IssueCouponsResponse(definition.Id.ToString(), [.. result.Value]))
            : result.Error!.ToProblem();
    }

    private static async Task<Ok<CouponResponse[]>> Wallet(ClaimsPrincipal principal, HttpContext http, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var customer = Actor.From(principal).UserId;
        var coupons = await db.Set<Coupon>().AsNoTracking().Where(c => c.CustomerId == customer).OrderByDescending(c => c.IssuedAt).Take(500).ToListAsync(ct);
        var ids = coupons.Select(c => c.PromotionId).Distinct().ToList();
        var definitions = await db.Set<Promotion>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow();
        var english = http.PrefersEnglish();
        return TypedResults.Ok(coupons.Select(c =>
        {
            var d = definitions[c.PromotionId];
            var until = c.ValidUntil < d.EndsAt ? c.ValidUntil : d.EndsAt;
            var status = c.Status == CouponStatus.Used ? CouponStatus.Used : until <= now ? CouponStatus.Expired : CouponStatus.Available;
            return new CouponResponse(c.Id.ToString(), d.Id.ToString(), english && d.NameEn is { Length: > 0 } ? d.NameEn : d.NameZh, d.Kind, status, c.Source,
                c.ValidFrom, until, c.OrderId?.ToString(), [.. d.TierList().Select(t => new TierDto(t.Threshold, t.Amount))], d.MinSpendFen, d.AmountFen, d.Percent, d.CapFen);
        }).ToArray());
    }

    private static async Task<Ok<CouponOfferResponse[]>> Claimable(HttpContext http, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var offers = await db.Set<Promotion>().AsNoTracking().Where(p => p.IsCoupon && p.Claimable && p.StartsAt <= now && p.EndsAt > now)
            .OrderBy(p => p.EndsAt).Take(200).ToListAsync(ct);
        var english = http.PrefersEnglish();
        return TypedResults.Ok(offers.Where(p => p.StatusAt(now) == "active").Select(p => new CouponOfferResponse(p.Id.ToString(),
            english && p.NameEn is { Length: > 0 } ? p.NameEn : p.NameZh, p.Kind, [.. p.TierList().Select(t => new TierDto(t.Threshold, t.Amount))],
            p.MinSpendFen, p.AmountFen, p.Percent, p.CapFen, p.EndsAt)).ToArray());
    }

    private static async Task<Results<Created<CouponResponse>, ProblemHttpResult>> Claim(string promotionId, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var definition = Guid.TryParse(promotionId, out var id)
            ? await db.Set<Promotion>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.IsCoupon && p.Claimable && p.StartsAt <= now && p.EndsAt > now, ct)
            : null;
        if (definition is null) return CouponErrors.PromotionNotFound.ToProblem();
        return await GiveAsync(db, definition, Actor.From(principal).UserId, "claimed", now, http, ct);
    }

    private static async Task<Results<Created<CouponResponse>, ProblemHttpResult>> Redeem(RedeemCouponCodeRequest request, ClaimsPrincipal principal, HttpContext http,
        O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("code", request.Code, 32);
        if (v.Error is not null) return v.Error.ToProblem();
        var now = clock.GetUtcNow();
        var code = request.Code!.Trim().ToUpperInvariant();
        var definition = await db.Set<Promotion>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.IsCoupon && p.StartsAt <= now && p.EndsAt > now, ct);
        if (definition is null) return CouponErrors.CodeNotFound.ToProblem();
        return await GiveAsync(db, definition, Actor.From(principal).UserId, "code", now, http, ct);
    }

    private static async Task<Results<Created<CouponResponse>, ProblemHttpResult>> GiveAsync(O2oDb db, Promotion definition, string customerId, string source,
        DateTimeOffset now, HttpContext http, CancellationToken ct)
    {
        var result = await db.InTransactionAsync(async () =>
        {
            var coupon = await IssueAsync(db, definition, customerId, source, now, ct);
            if (coupon.IsSuccess) await db.SaveChangesAsync(ct);
            return coupon;
        }, r => r.IsSuccess, ct);
        if (!result.IsSuccess) return result.Error!.ToProblem();
        var c = result.Value;
        var d = definition;
        return TypedResults.Created("/api/me/coupons", new CouponResponse(c.Id.ToString(), d.Id.ToString(),
            http.PrefersEnglish() && d.NameEn is { Length: > 0 } ? d.NameEn : d.NameZh, d.Kind, CouponStatus.Available, c.Source, c.ValidFrom, c.ValidUntil, null,
            [.. d.TierList().Select(t => new TierDto(t.Threshold, t.Amount))], d.MinSpendFen, d.AmountFen, d.Percent, d.CapFen));
    }

    /// <summary>
    /// A new coupon for the customer, within the definition's per-customer limit (claims and codes: one each unless the definition
    /// says more). Valid from now (or the definition's start) for its valid days, never past the definition's end.
    /// </summary>
    internal static async Task<Result<Coupon>> IssueAsync(O2oDb db, Promotion definition, string customerId, string source, DateTimeOffset now, CancellationToken ct)
    {
        var limit = definition.PerCustomerLimit ?? (source == "issued" ? (int?)null : 1);
        if (limit is { } max && !await PromotionReservations.TakeCustomerUseAsync(db, definition.Id, customerId, max, ct)) return CouponErrors.CouponLimitReached;
        var from = now > definition.StartsAt ? now : definition.StartsAt;
        var until = definition.ValidDays is { } days && from.AddDays(days) < definition.EndsAt ? from.AddDays(days) : definition.EndsAt;
        var coupon = new Coupon { PromotionId = definition.Id, CustomerId = customerId, Source = source, ValidFrom = from, ValidUntil = until, IssuedAt = now };
        db.Add(coupon);
        return coupon;
    }
}
