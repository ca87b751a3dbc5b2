using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace O2o.Server.Modules.Accounts;

/// <summary>A person who signs in: customer, staff, admin or rider.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? MerchantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>One of <see cref="Genders.All"/>, or null.</summary>
    public string? Gender { get; set; }
    public string? City { get; set; }
}

internal sealed class StaffStore
{
    public required string UserId { get; init; }
    public Guid StoreId { get; init; }
}

internal sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal static class AccountsPersistence
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(e =>
        {
            e.ToTable("accounts_users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.Gender).HasMaxLength(8);
            e.Property(u => u.City).HasMaxLength(40);
        });
        builder.Entity<IdentityRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.Entity<StaffStore>(e =>
        {
            e.ToTable("accounts_staff_stores");
            e.HasKey(s => new { s.UserId, s.StoreId });
            e.HasIndex(s => s.StoreId);
        });
        builder.Entity<RefreshToken>(e =>
        {
            e.ToTable("accounts_refresh_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
        });
    }
}
