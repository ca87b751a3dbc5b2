using Microsoft.AspNetCore.Http.HttpResults;
using O2o.Contracts;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Stores;

internal static class CreateMerchant
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/merchants", Handle).RequireAuthorization(Policies.PlatformAdmin).WithTags("Administration")
            .WithSummary("Register a merchant that owns stores and products");

    private static async Task<Results<Created<MerchantResponse>, ProblemHttpResult>> Handle(
        CreateMerchantRequest request, O2oDb db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation().Text("name", request.Name, 100);
        if (v.Error is not null) return v.Error.ToProblem();
        var merchant = new Merchant { Name = request.Name!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(merchant);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/merchants/{merchant.Id}", new MerchantResponse(merchant.Id.ToString(), merchant.Name));
    }
}
