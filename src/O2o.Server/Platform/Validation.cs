using System.Text.RegularExpressions;
using O2o.Server.Kernel;

namespace O2o.Server.Platform;

/// <summary>Collects field errors at the edge; <see cref="Error"/> is null when the request is valid.</summary>
public sealed partial class Validation
{
    public const int MaxQuantity = 10_000;
    private readonly Dictionary<string, List<string>> _errors = [];

    public Error? Error => _errors.Count == 0
        ? null
        : Error.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public Validation Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        return this;
    }

    public Validation Email(string field, string? value)
    {
        Text(field, value, 254);
        if (!string.IsNullOrWhiteSpace(value) && !Has(field) && !EmailPattern().IsMatch(value))
            Add(field, "Not an email address.");
        return this;
    }

    public Validation Phone(string field, string? value, bool required)
    {
        Text(field, value, 32, required);
        if (!string.IsNullOrWhiteSpace(value) && !Has(field) && !PhonePattern().IsMatch(value))
            Add(field, "Not a phone number.");
        return this;
    }

    public Validation Quantity(string field, int? value)
    {
        if (value is null) Add(field, "Required.");
        else if (value is < 1 or > MaxQuantity) Add(field, $"Must be a whole number from 1 to {MaxQuantity}.");
        return this;
    }

    /// <summary>Order-like lines: present (unless optional), at most <paramref name="maxLines"/>, each with a product id and a quantity.</summary>
    public Validation Lines<T>(string field, IReadOnlyList<T?>? lines, int maxLines, Func<T, string?> productId, Func<T, int?> quantity, bool required = true)
        where T : class
    {
        if (lines is null || lines.Count == 0)
        {
            if (required) Add(field, "At least one line.");
            return this;
        }
        if (lines.Count > maxLines) return Add(field, $"At most {maxLines} lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                Add($"{field}[{i}]", "Required.");
                continue;
            }
            Text($"{field}[{i}].productId", productId(line), 64).Quantity($"{field}[{i}].quantity", quantity(line));
        }
        return this;
    }

    public Validation Range(string field, long? value, long min, long max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "Required.");
        }
        else if (value < min || value > max)
        {
            Add(field, $"Must be from {min} to {max}.");
        }
        return this;
    }

    public Validation Position(string prefix, double? lat, double? lng)
    {
        if (lat is null) Add($"{prefix}lat", "Required.");
        else if (!Geo.IsValidLatitude(lat) || double.IsNaN(lat.Value)) Add($"{prefix}lat", "Must be a WGS-84 latitude from -90 to 90.");
        if (lng is null) Add($"{prefix}lng", "Required.");
        else if (!Geo.IsValidLongitude(lng) || double.IsNaN(lng.Value)) Add($"{prefix}lng", "Must be a WGS-84 longitude from -180 to 180.");
        return this;
    }

    public Validation Id(string field, string? value, out Guid id, bool required = true)
    {
        id = Guid.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "Required.");
        }
        else if (!Guid.TryParse(value, out id))
        {
            // An id that cannot exist is reported as not found by the caller, not as a format error.
            id = Guid.Empty;
        }
        return this;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,30}$")]
    private static partial Regex PhonePattern();
}
