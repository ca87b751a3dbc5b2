using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Accounts;

public abstract class AccountsTests(AppFixture fixture)
{
    private readonly World _world = new(fixture);

    [Fact]
    public async Task A_customer_registers_signs_in_and_sees_itself()
    {
        var email = $"new{Guid.NewGuid():N}@test.o2o";
        var created = (await _world.Anonymous().Post("/api/auth/register", new { email, password = World.Password, displayName = "李华", phone = "+86 138 0013 8000" }))
            .Is(HttpStatusCode.Created);
        var login = (await _world.Anonymous().Post("/api/auth/login", new { email, password = World.Password })).Is(HttpStatusCode.OK);
        Assert.Equal(["customer"], login["roles"].AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(login.Long("expiresIn") > 0);

        var me = (await _world.Anonymous().WithToken(login.Str("accessToken")).Get("/api/me")).Is(HttpStatusCode.OK);
        Assert.Equal(created.Str("userId"), me.Str("userId"));
        Assert.Equal("李华", me.Str("displayName"));
        Assert.Empty(me["storeIds"].AsArray());
        (await _world.Anonymous().Post("/api/auth/register", new { email = email.ToUpperInvariant(), password = World.Password, displayName = "x" }))
            .Is(HttpStatusCode.Conflict, "account_exists");
    }

    [Fact]
    public async Task Registration_validates_every_field()
    {
        var reply = (await _world.Anonymous().Post("/api/auth/register", new { email = "not-an-email", password = "short", displayName = new string('x', 101), phone = "call me" }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "email", "displayName", "phone" })
            Assert.True(reply.Json!["errors"]![field] is not null, $"{field} missing in {reply.Text}");
        (await _world.Anonymous().Post("/api/auth/register", new { email = $"w{Guid.NewGuid():N}@test.o2o", password = "short", displayName = "x" }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Wrong_passwords_are_401_and_lock_the_account_after_five()
    {
        var customer = await _world.NewCustomer();
        for (var i = 0; i < 4; i++)
            (await _world.Anonymous().Post("/api/auth/login", new { email = customer.Email, password = "Wrong-Pass-1" })).Is(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _world.Anonymous().Post("/api/auth/login", new { email = customer.Email, password = "Wrong-Pass-1" })).Is(HttpStatusCode.Unauthorized, "account_locked");
        (await _world.Anonymous().Post("/api/auth/login", new { email = customer.Email, password = World.Password })).Is(HttpStatusCode.Unauthorized, "account_locked");
        (await _world.Anonymous().Post("/api/auth/login", new { email = "nobody@test.o2o", password = World.Password })).Is(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_revokes_the_family()
    {
        var customer = await _world.NewCustomer();
        var login = (await _world.Anonymous().Post("/api/auth/login", new { email = customer.Email, password = World.Password })).Is(HttpStatusCode.OK);
        var refreshed = (await _world.Anonymous().Post("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") })).Is(HttpStatusCode.OK);
        (await _world.Anonymous().WithToken(refreshed.Str("accessToken")).Get("/api/me")).Is(HttpStatusCode.OK);

        (await _world.Anonymous().Post("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") })).Is(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await _world.Anonymous().Post("/api/auth/refresh", new { refreshToken = refreshed.Str("refreshToken") })).Is(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await _world.Anonymous().Post("/api/auth/refresh", new { refreshToken = "made-up" })).Is(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await _world.Anonymous().WithToken("not.a.token").Get("/api/me")).Is(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Staff_are_bound_to_their_stores()
    {
        var store = await _world.NewStore();
        var staff = await _world.NewStaff(store);
        var me = (await staff.Get("/api/me")).Is(HttpStatusCode.OK);
        Assert.Equal(["store_staff"], me["roles"].AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal([store], me["storeIds"].AsArray().Select(r => r!.GetValue<string>()));

        var admin = await _world.Admin();
        (await admin.Post("/api/admin/staff", new { email = $"s{Guid.NewGuid():N}@test.o2o", password = World.Password, displayName = "x", storeIds = Array.Empty<string>() }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
        (await admin.Post("/api/admin/staff", new { email = $"s{Guid.NewGuid():N}@test.o2o", password = World.Password, displayName = "x", storeIds = new[] { Guid.NewGuid() } }))
            .Is(HttpStatusCode.NotFound, "store_not_found");
        (await admin.Post("/api/admin/staff", new { email = $"s{Guid.NewGuid():N}@test.o2o", password = World.Password, displayName = "x", storeIds = new[] { store }, role = "platform_admin" }))
            .Is(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class AccountsTests_Sqlite(SqliteApp app) : AccountsTests(app), IClassFixture<SqliteApp>;

public sealed class AccountsTests_Postgres(PostgresApp app) : AccountsTests(app), IClassFixture<PostgresApp>;
