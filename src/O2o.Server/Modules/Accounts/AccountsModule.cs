using Microsoft.AspNetCore.Identity;
using O2o.Server.Kernel;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Accounts;

public static class AccountsModule
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<O2oDb>()
            .AddSignInManager();
        // PBKDF2 iterations; lower only for load tests that register thousands of customers.
        var iterations = builder.Configuration.GetValue<int?>("Accounts:PasswordHashIterations");
        if (iterations is not null)
            builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = Math.Max(1_000, iterations.Value));
        builder.Services.AddScoped<Tokens>();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<IAccounts, AccountsFacade>();
    }

    public static void MapAccounts(this IEndpointRouteBuilder api)
    {
        Register.Map(api);
        Login.Map(api);
        GetMe.Map(api);
        UpdateProfile.Map(api);
        CreateStaff.Map(api);
        ListStaff.Map(api);
    }

    /// <summary>Creates the roles and the first platform admin from <c>Admin:Email</c> / <c>Admin:Password</c>.</summary>
    public static async Task EnsureRolesAndAdminAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("Admin:Email / Admin:Password are not configured: no platform admin is created.");
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(email, password, "Platform admin 平台管理员", null, [Roles.PlatformAdmin], null, [], ct);
        if (!created.IsSuccess)
            throw new InvalidOperationException($"The platform admin from Admin:Email could not be created: {string.Join("; ", created.Error!.Errors?.SelectMany(e => e.Value) ?? [created.Error.Detail])}");
        logger.LogInformation("Created the platform admin {Email}", email);
    }
}
