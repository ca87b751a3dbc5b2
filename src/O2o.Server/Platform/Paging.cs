using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Platform;

/// <summary>
/// Lists answer a page at a time: <c>page</c> from 1, <c>pageSize</c> up to a list's maximum, and the number of
/// items in all pages in the <c>X-Total-Count</c> header.
/// </summary>
public static class Paging
{
    public const string TotalHeader = "X-Total-Count";
    public const int DefaultPageSize = 50;
    private const int MaxPage = 100_000;

    public static Validation Page(this Validation v, int? page, int? pageSize, int maxPageSize) =>
        v.Range("page", page, 1, MaxPage, required: false).Range("pageSize", pageSize, 1, maxPageSize, required: false);

    /// <summary>One page of an ordered query; without <paramref name="page"/>, the first page, or the last when <paramref name="lastByDefault"/>.</summary>
    public static async Task<List<T>> PageAsync<T>(IOrderedQueryable<T> ordered, int? page, int? pageSize, HttpContext http, CancellationToken ct,
        bool lastByDefault = false)
    {
        var size = pageSize ?? DefaultPageSize;
        var total = await ordered.CountAsync(ct);
        http.Response.Headers[TotalHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var number = page ?? (lastByDefault ? Math.Max(1, (total + size - 1) / size) : 1);
        return await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
    }
}
