using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Vouchers;

/// <summary>Issues one voucher per unit of a paid voucher order, each with a fresh unguessable code; issuing twice issues nothing new.</summary>
internal sealed class IssueVouchers(O2oDb db, ICatalog catalog, ILogger<IssueVouchers> logger) : IEventHandler<VoucherOrderPaid>
{
    public async Task HandleAsync(VoucherOrderPaid e, CancellationToken ct)
    {
        if (await db.Set<Voucher>().AnyAsync(x => x.OrderId == e.OrderId, ct)) return;
        var productIds = e.Lines.Select(l => l.ProductId).ToList();
        var terms = await db.Set<VoucherTerms>().AsNoTracking().Where(t => productIds.Contains(t.ProductId)).ToDictionaryAsync(t => t.ProductId, ct);
        var products = await catalog.GetAsync(productIds, ct);
        foreach (var line in e.Lines)
        {
            // A purchase is only placed for a product with terms, and terms are never deleted: missing ones are a bug to retry loudly.
            var t = terms.GetValueOrDefault(line.ProductId) ?? throw new InvalidOperationException($"No voucher terms for product {line.ProductId} of order {e.OrderId}.");
            var product = products[line.ProductId];
            for (var i = 0; i < line.Quantity; i++)
                db.Add(new Voucher
                {
                    Code = await UnusedCodeAsync(ct), OrderId = e.OrderId, Sequence = i, ProductId = line.ProductId, CustomerId = e.CustomerId,
                    NameZh = product.NameZh, NameEn = product.NameEn, Uses = t.Uses, RemainingUses = t.Uses, PriceFen = line.UnitPriceFen,
                    StoreIds = [.. t.StoreIds], ValidUntil = t.ExpiryFor(e.PaidAt), IssuedAt = e.PaidAt,
                });
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Issued {Count} vouchers for order {OrderId}", e.Lines.Sum(l => l.Quantity), e.OrderId);
    }

    private async Task<string> UnusedCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = Voucher.NewCode();
            if (!await db.Set<Voucher>().AnyAsync(x => x.Code == code, ct) && !db.ChangeTracker.Entries<Voucher>().Any(x => x.Entity.Code == code)) return code;
        }
    }
}
