using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using O2o.Contracts;
using O2o.Server.Kernel;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Stores;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Inventory;

internal static class TransferStatus
{
    public const string InTransit = "in_transit";
    public const string Received = "received";
    public const string Cancelled = "cancelled";
}

/// <summary>Units on their way from one store to another: off the sender's shelf when shipped, on the receiver's when received.</summary>
internal sealed class StockTransfer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FromStoreId { get; init; }
    public Guid ToStoreId { get; init; }
    public string Status { get; init; } = TransferStatus.InTransit;
    public string? Note { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public List<StockTransferLine> Lines { get; init; } = [];
}

internal sealed class StockTransferLine
{
    public Guid TransferId { get; init; }
    public Guid ProductId { get; init; }
    public int Quantity { get; init; }
}

internal static class Transfers
{
    public const int MaxLines = 100;
    private const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId}/transfers").RequireAuthorization(Policies.StoreOperator).WithTags("Store operations");
        store.MapPost("", Ship).WithIdempotency("inventory.transfer").WithSummary("Ship units to another store of the same merchant; they are in transit until received");
        store.MapGet("", List).WithSummary("Transfers into and out of the store, newest first, a page at a time (X-Total-Count)");
        store.MapPost("/{transferId}/receive", (string storeId, string transferId, ClaimsPrincipal p, O2oDb db, InventoryFacade i, IStores s, TimeProvider c, CancellationToken ct)
            => Close(storeId, transferId, receive: true, p, db, i, s, c, ct)).WithSummary("The receiving store takes the units on hand");
        store.MapPost("/{transferId}/cancel", (string storeId, string transferId, ClaimsPrincipal p, O2oDb db, InventoryFacade i, IStores s, TimeProvider c, CancellationToken ct)
            => Close(storeId, transferId, receive: false, p, db, i, s, c, ct)).WithSummary("The sending store calls the units back before they are received");
    }

    public static Task<int> InTransitToAsync(O2oDb db, Guid store, Guid product, CancellationToken ct) =>
        db.Set<StockTransferLine>().Where(l => l.ProductId == product
                && db.Set<StockTransfer>().Any(t => t.Id == l.TransferId && t.ToStoreId == store && t.Status == TransferStatus.InTransit))
            .SumAsync(l => l.Quantity, ct);

    private static async Task<Results<Created<TransferResponse>, ProblemHttpResult>> Ship(
        string storeId, CreateTransferRequest request, ClaimsPrincipal principal, O2oDb db, InventoryFacade inventory,
        IStores stores, ICatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var from = await stores.FindOperableAsync(storeId, actor, ct);
        if (from is null) return InventoryErrors.StoreNotFound.ToProblem();
        var v = new Validation().Text("toStoreId", request.ToStoreId, 64).Text("note", request.Note, 200, required: false)
            .Lines("lines", request.Lines, MaxLines, l => l.ProductId, l => l.Quantity);
        if (v.Error is not null) return v.Error.ToProblem();

        var to = Guid.TryParse(request.ToStoreId, out var toId) ? await stores.FindAsync(toId, ct) : null;
        if (to is null || to.MerchantId != from.MerchantId) return InventoryErrors.StoreNotFound.ToProblem();
        if (to.Id == from.Id) return InventoryErrors.SameStore.ToProblem();
        var merged = StockLine.Merge(request.Lines!, l => l.ProductId, l => l.Quantity);
        if (!merged.IsSuccess) return merged.Error!.ToProblem();
        var lines = merged.Value;
        var products = await catalog.GetAsync(lines.Select(l => l.ProductId).ToList(), ct);
        if (lines.Any(l => !products.TryGetValue(l.ProductId, out var p) || p.MerchantId != from.MerchantId)) return InventoryErrors.ProductNotFound.ToProblem();

        var result = await db.InTransactionAsync(async () =>
        {
            var transfer = new StockTransfer
            {
                FromStoreId = from.Id, ToStoreId = to.Id, Note = request.Note?.Trim(), CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow(),
                Lines = lines.Select(l => new StockTransferLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
            };
            var shortages = new List<Shortage>();
            foreach (var line in lines.OrderBy(l => l.ProductId))
            {
                var q = line.Quantity;
                if (!await inventory.TryMoveAsync(from.Id, line, MovementKinds.TransferOut, -q, 0, StockGuard.ShelfAvailable(q), $"transfer:{transfer.Id}", null, ct))
                    shortages.Add(new Shortage(line.ProductId, q, await ShelfAvailableAsync(db, from.Id, line.ProductId, ct)));
            }
            if (shortages.Count > 0) return Shortages.ToError(shortages, id => products[id].NameZh);
            db.Add(transfer);
            await db.SaveChangesAsync(ct);
            return (Result<StockTransfer>)transfer;
        }, r => r.IsSuccess, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/stores/{from.Id}/transfers", ToResponse(result.Value))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> Close(
        string storeId, string transferId, bool receive, ClaimsPrincipal principal, O2oDb db, InventoryFacade inventory, IStores stores, TimeProvider clock, CancellationToken ct)
    {
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        var transfer = Guid.TryParse(transferId, out var id) ? await db.Set<StockTransfer>().AsNoTracking().Include(t => t.Lines).FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        // The receiver receives, the sender cancels; to anyone else the transfer does not exist.
        if (transfer is null || (receive ? transfer.ToStoreId : transfer.FromStoreId) != store.Id) return InventoryErrors.TransferNotFound.ToProblem();
        var target = receive ? transfer.ToStoreId : transfer.FromStoreId;

        foreach (var line in transfer.Lines) await StockEndpoints.EnsureRowAsync(db, target, line.ProductId, clock, ct);
        var closed = await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var status = receive ? TransferStatus.Received : TransferStatus.Cancelled;
            var claimed = await db.Set<StockTransfer>().Where(t => t.Id == transfer.Id && t.Status == TransferStatus.InTransit)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, status).SetProperty(t => t.ClosedAt, now), ct);
            if (claimed == 0) return false;
            foreach (var line in transfer.Lines.OrderBy(l => l.ProductId))
                await inventory.TryMoveAsync(target, new StockLine(line.ProductId, line.Quantity), receive ? MovementKinds.TransferIn : MovementKinds.TransferCancelled,
                    line.Quantity, 0, StockGuard.None, $"transfer:{transfer.Id}", null, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, ok => ok, ct);
        if (!closed) return InventoryErrors.TransferNotInTransit.ToProblem();
        var now = await db.Set<StockTransfer>().AsNoTracking().Include(t => t.Lines).FirstAsync(t => t.Id == transfer.Id, ct);
        return TypedResults.Ok(ToResponse(now));
    }

    private static async Task<Results<Ok<TransferResponse[]>, ProblemHttpResult>> List(
        string storeId, int? page, int? pageSize, ClaimsPrincipal principal, HttpContext http, O2oDb db, IStores stores, CancellationToken ct)
    {
        if (new Validation().Page(page, pageSize, MaxPageSize).Error is { } invalid) return invalid.ToProblem();
        var store = await stores.FindOperableAsync(storeId, Actor.From(principal), ct);
        if (store is null) return InventoryErrors.StoreNotFound.ToProblem();
        var transfers = await Paging.PageAsync(db.Set<StockTransfer>().AsNoTracking().Include(t => t.Lines)
            .Where(t => t.FromStoreId == store.Id || t.ToStoreId == store.Id)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id), page, pageSize, http, ct);
        return TypedResults.Ok(transfers.Select(ToResponse).ToArray());
    }

    private static async Task<int> ShelfAvailableAsync(O2oDb db, Guid store, Guid product, CancellationToken ct) =>
        await db.Set<StockLevel>().Where(s => s.StoreId == store && s.ProductId == product).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(ct);

    private static TransferResponse ToResponse(StockTransfer t) => new(
        t.Id.ToString(), t.FromStoreId.ToString(), t.ToStoreId.ToString(), t.Status,
        t.Lines.OrderBy(l => l.ProductId).Select(l => new TransferLineResponse(l.ProductId.ToString(), l.Quantity)).ToArray(), t.Note, t.CreatedAt, t.ClosedAt);
}
