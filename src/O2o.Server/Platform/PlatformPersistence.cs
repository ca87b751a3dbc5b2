using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Platform;

internal sealed class IdempotencyRecord
{
    public required string UserId { get; init; }
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class PlatformSecret
{
    public required string Name { get; init; }
    public required string Value { get; init; }
}

internal static class PlatformPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("platform_idempotency");
            e.HasKey(r => new { r.UserId, r.Scope, r.Key });
            e.Property(r => r.UserId).HasMaxLength(64);
            e.Property(r => r.Scope).HasMaxLength(64);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.HasIndex(r => r.CreatedAt);
        });
        builder.Entity<PlatformSecret>(e =>
        {
            e.ToTable("platform_secrets");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(64);
            e.Property(s => s.Value).HasMaxLength(512);
        });
    }
}
