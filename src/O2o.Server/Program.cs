using System.Text.Json.Serialization;
using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;
using O2o.Server.Modules.Analytics;
using O2o.Server.Modules.Bookings;
using O2o.Server.Modules.Cart;
using O2o.Server.Modules.Catalog;
using O2o.Server.Modules.Counter;
using O2o.Server.Modules.Delivery;
using O2o.Server.Modules.Engagement;
using O2o.Server.Modules.GroupBuying;
using O2o.Server.Modules.Inventory;
using O2o.Server.Modules.Ledger;
using O2o.Server.Modules.Loyalty;
using O2o.Server.Modules.Live;
using O2o.Server.Modules.Ordering;
using O2o.Server.Modules.Payments;
using O2o.Server.Modules.Promotions;
using O2o.Server.Modules.Stores;
using O2o.Server.Modules.Vouchers;
using O2o.Server.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using O2o.Server.Consoles;
using O2o.Web;
using O2o.Web.Live;
using O2o.Web.Components;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
// The consoles' styles and scripts come from the referenced component libraries (no CDN: the platform runs offline too).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PlatformSecrets>();
builder.Services.AddScoped<EventBus>();
builder.Services.AddSingleton<OutboxSignal>();
builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection("Outbox"))
    .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxAttempts > 0, "Outbox settings must be positive.").ValidateOnStart();
builder.Services.AddHostedService<OutboxDispatcher>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.AddO2oDatabase();
builder.AddO2oRedis();
builder.Services.AddO2oProblemDetails();
builder.AddO2oAuthentication();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "O2O Commerce API";
    document.Info.Description = "Stores, stock, cart, checkout for pickup or delivery, orders, payments and store operations. " +
        "门店、库存、购物车、到店自提或配送下单、订单、支付与门店作业。Sign in at /api/auth/login and send `Authorization: Bearer <accessToken>`.";
    return Task.CompletedTask;
}));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo"));

builder.AddAccounts();
builder.AddStores();
builder.AddCatalog();
builder.AddInventory();
builder.AddCart();
builder.AddOrdering();
builder.AddPayments();
builder.AddLedger();
builder.AddPromotions();
builder.AddLive();
builder.AddAnalytics();
builder.AddVouchers();
builder.AddGroupBuying();
builder.AddBookings();
builder.AddDelivery();
builder.AddLoyalty();
builder.AddEngagement();
builder.Services.AddO2oConsoles(sp => new Uri(ServerAddress.Own(sp.GetRequiredService<IServer>()) ?? "http://localhost:5080"));
builder.Services.AddSingleton<IOrderFeed, ConsoleOrderFeed>();

var app = builder.Build();
await Startup.PrepareAsync(app);

app.UseO2oProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/docs", o => o.WithTitle("O2O Commerce API"));
HealthEndpoints.Map(app);
app.MapCatalogMedia();
app.MapPaymentSimulators();
app.MapLive();
app.MapDeliveryHubs();

var api = app.MapGroup("/api");
api.MapAccounts();
api.MapStores();
api.MapCatalog();
api.MapInventory();
api.MapCart();
api.MapOrdering();
api.MapPayments();
api.MapLedger();
api.MapCounter();
api.MapPromotions();
api.MapAnalytics();
api.MapVouchers();
api.MapGroupBuying();
api.MapBookings();
api.MapDelivery();
api.MapLoyalty();
api.MapEngagement();
api.MapFallback(() => Error.NotFound("not_found", "This API route").ToProblem()).ExcludeFromDescription();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, visible to the integration tests' host.</summary>
public partial class Program;
