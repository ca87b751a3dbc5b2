using System.Globalization;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Ledger;

internal sealed record ReconcileRequest(string? Method, string? Day);

/// <summary>Platform admins reconcile a gateway's day on demand and read the reports (the job makes one a day too).</summary>
internal static class ReconciliationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/admin/reconciliations", Run).RequireAuthorization(Policies.PlatformAdmin).WithTags("Ledger")
            .WithSummary("Compare a gateway's bill of one Beijing day (yyyy-MM-dd) with the ledger; every mismatch is reported");
        api.MapGet("/admin/reconciliations", List).RequireAuthorization(Policies.PlatformAdmin).WithTags("Ledger")
            .WithSummary("Reconciliation reports, newest first");
    }

    private static async Task<IResult> Run(ReconcileRequest request, Reconciliations reconciliations, CancellationToken ct)
    {
        var validation = new Validation().Text("method", request.Method, 16).Text("day", request.Day, 10);
        if (!DateOnly.TryParseExact(request.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) validation.Add("day", "A date as yyyy-MM-dd.");
        if (validation.Error is { } invalid) return invalid.ToProblem();
        var report = await reconciliations.RunAsync(request.Method!.Trim().ToLowerInvariant(), day, ct);
        return report.IsSuccess ? Results.Created($"/api/admin/reconciliations?method={report.Value.Method}", report.Value) : report.Error!.ToProblem();
    }

    private static async Task<IResult> List(string? method, O2oDb db, CancellationToken ct)
    {
        var runs = await db.Set<LedgerReconciliation>().AsNoTracking().Where(r => method == null || r.Method == method)
            .OrderByDescending(r => r.Id).Take(100).ToListAsync(ct);
        return Results.Ok(runs.Select(Reconciliations.ToReport).ToList());
    }
}
