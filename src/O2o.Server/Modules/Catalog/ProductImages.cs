using System.Net;
using Microsoft.EntityFrameworkCore;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Catalog;

/// <summary>A generated tile (SVG) for products without a photo: category colour, Chinese and English name.</summary>
internal static class ProductImages
{
    private static readonly Dictionary<string, string> Colors = new()
    {
        ["fruit-vegetables"] = "#4caf50", ["dairy-bakery"] = "#42a5f5", ["meat-eggs"] = "#e57373", ["seafood"] = "#26c6da",
        ["rice-oil-seasoning"] = "#ffb300", ["snacks"] = "#ff7043", ["drinks"] = "#7e57c2", ["household-cleaning"] = "#78909c",
        ["personal-care"] = "#ec407a", ["mother-baby"] = "#8d6e63",
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/media/products/{file}", Render).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> Render(string file, O2oDb db, CancellationToken ct)
    {
        if (!file.EndsWith(".svg", StringComparison.Ordinal)) return Results.NotFound();
        var sku = file[..^4];
        var product = await db.Set<Product>().AsNoTracking().Where(p => p.Sku == sku)
            .Select(p => new { p.NameZh, p.NameEn, p.Category }).FirstOrDefaultAsync(ct);
        if (product is null) return Results.NotFound();
        var color = Colors.GetValueOrDefault(product.Category ?? "", "#607d8b");
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
              <rect width="400" height="400" rx="24" fill="{color}"/>
              <circle cx="200" cy="150" r="80" fill="#ffffff" opacity="0.25"/>
              <text x="200" y="290" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">{WebUtility.HtmlEncode(Shorten(product.NameZh, 14))}</text>
              <text x="200" y="330" font-family="sans-serif" font-size="18" fill="#fff" opacity="0.9" text-anchor="middle">{WebUtility.HtmlEncode(Shorten(product.NameEn ?? "", 32))}</text>
            </svg>
            """;
        return Results.Text(svg, "image/svg+xml");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
