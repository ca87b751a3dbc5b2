using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using O2o.Server.Platform;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

/// <summary>A model change without a migration for both providers would break the next start-up of a real database.</summary>
public abstract class MigrationTests(AppFixture fixture)
{
    [Fact]
    public void The_migrations_of_this_provider_match_the_model()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<O2oDb>();
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {db.Database.ProviderName} migration: run dotnet ef migrations add for both contexts.");
        Assert.Empty(db.Database.GetPendingMigrations());
    }
}

public sealed class MigrationTests_Sqlite(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class MigrationTests_Postgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
