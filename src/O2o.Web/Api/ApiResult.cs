namespace O2o.Web.Api;

/// <summary>What the API said when it refused: the problem details' detail (or title), in the caller's language.</summary>
public sealed record ApiProblem(int Status, string? Code, string Message, IReadOnlyList<string> FieldErrors)
{
    public override string ToString() => FieldErrors.Count == 0 ? Message : $"{Message} {string.Join(" ", FieldErrors)}";
}

public readonly record struct ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>One page of a list and the number of items in all pages.</summary>
public sealed record ListPage<T>(T[] Items, int Total);
