using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace O2o.Server.Platform;

/// <summary>Short lists kept in one text column (the same on SQLite and PostgreSQL), compared by content.</summary>
public static class Conversions
{
    public static PropertyBuilder<List<T>> HasDelimitedConversion<T>(this PropertyBuilder<List<T>> property, char separator,
        Func<T, string> format, Func<string, T> parse, int maxLength) =>
        property.HasMaxLength(maxLength).HasConversion(
            v => string.Join(separator, v.Select(format)),
            v => v.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(parse).ToList(),
            new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));
}
