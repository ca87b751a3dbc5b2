namespace O2o.Server.Kernel;

/// <summary>An expected failure: a stable snake_case code, the HTTP status it maps to and a human detail.</summary>
public sealed record Error(string Code, int Status, string Title, string Detail)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
    /// <summary>A Chinese detail more precise than the generic one of the code, for callers who prefer Chinese.</summary>
    public string? DetailZh { get; init; }

    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new("validation_failed", 400, "The request is not valid", "One or more fields are not valid.") { Errors = errors };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string code, string what) => new(code, 404, "Not found", $"{what} was not found.");

    public static Error Conflict(string code, string detail) => new(code, 409, "Conflict", detail);

    public static Error Unprocessable(string code, string detail) => new(code, 422, "Cannot be processed", detail);

    public static readonly Error Forbidden = new("forbidden", 403, "Forbidden", "Your role does not allow this.");
}
