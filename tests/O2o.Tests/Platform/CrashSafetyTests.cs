using System.Collections.Concurrent;
using System.Net;
using O2o.Tests.Support;

namespace O2o.Tests.Platform;

/// <summary>kill -9 in the middle of a checkout load: after a restart nothing paid is lost, no reservation leaks, the ledger reconciles.</summary>
public abstract class CrashSafetyTests(DatabaseKind kind, PostgresCluster cluster)
{
    [Fact]
    public async Task A_server_killed_during_checkouts_loses_no_paid_order_and_leaks_no_reservation()
    {
        var root = Path.Combine(Path.GetTempPath(), $"o2o-crash-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["Ordering:PaymentTimeout"] = "00:00:03", ["Ordering:ExpiryScanInterval"] = "00:00:00.250" };
        if (kind == DatabaseKind.Postgres)
        {
            var database = await cluster.TryCreateDatabaseAsync();
            if (database is null) Assert.Skip(cluster.SkipReason!);
            settings["Database:Provider"] = "postgres";
            settings["ConnectionStrings:O2O"] = database;
        }
        else
        {
            settings["ConnectionStrings:O2O"] = $"Data Source={Path.Combine(root, "o2o.db")}";
        }
        var port = ServerProcess.FreePort();
        try
        {
            string store, a, b;
            var paidConfirmed = new ConcurrentBag<string>();
            var customerTokens = new List<string>();
            await using (var server = await ServerProcess.StartAsync(root, settings, port))
            {
                var admin = server.Client().WithToken((await server.Client().Post("/api/auth/login", new { email = O2oApp.AdminEmail, password = O2oApp.AdminPassword }))
                    .Is(HttpStatusCode.OK).Str("accessToken"));
                store = (await admin.Post("/api/admin/stores", new { name = "压测门店", address = "上海", lat = 31.2, lng = 121.4, services = new[] { "pickup" } })).Is(HttpStatusCode.Created).Str("id");
                a = (await admin.Post("/api/admin/products", new { sku = "CRASH-A", name = "甲", priceFen = 100 })).Is(HttpStatusCode.Created).Str("id");
                b = (await admin.Post("/api/admin/products", new { sku = "CRASH-B", name = "乙", priceFen = 200 })).Is(HttpStatusCode.Created).Str("id");
                (await admin.Put($"/api/admin/stores/{store}/inventory/{a}", new { onHand = 500 })).Is(HttpStatusCode.OK);
                (await admin.Put($"/api/admin/stores/{store}/inventory/{b}", new { onHand = 500 })).Is(HttpStatusCode.OK);
                for (var i = 0; i < 6; i++)
                {
                    var email = $"crash{i}-{Guid.NewGuid():N}@test.o2o";
                    (await server.Client().Post("/api/auth/register", new { email, password = World.Password, displayName = "顾客" })).Is(HttpStatusCode.Created);
                    customerTokens.Add((await server.Client().Post("/api/auth/login", new { email, password = World.Password })).Is(HttpStatusCode.OK).Str("accessToken"));
                }

                using var stop = new CancellationTokenSource();
                var placed = 0;
                var workers = customerTokens.Select(token => Task.Run(async () =>
                {
                    var api = server.Client().WithToken(token);
                    while (!stop.IsCancellationRequested && Interlocked.Increment(ref placed) <= 150)
                    {
                        try
                        {
                            var order = await api.Post("/api/orders", new { fulfillment = new { type = "pickup", storeId = store }, lines = new[] { new { productId = a, quantity = 1 }, new { productId = b, quantity = 2 } } });
                            if (order.Status != HttpStatusCode.Created) continue;
                            var payment = await api.Post($"/api/orders/{order.Str("id")}/payments", new { method = "sandbox" });
                            if (payment.Status != HttpStatusCode.Created) continue;
                            var paid = await api.Post($"/api/sandbox/payments/{payment.Str("paymentId")}/succeed");
                            // "refunded" means the money came after the order had expired: not a paid order.
                            if (paid.Status == HttpStatusCode.OK && paid.Str("status") == "succeeded") paidConfirmed.Add(order.Str("id"));
                        }
                        catch (HttpRequestException) { return; }
                        catch (TaskCanceledException) { return; }
                    }
                })).ToList();

                while (paidConfirmed.Count < 15 && !workers.All(w => w.IsCompleted)) await Task.Delay(20);
                server.Kill();
                stop.Cancel();
                await Task.WhenAll(workers);
            }
            Assert.True(paidConfirmed.Count >= 15, "The load did not get going before the kill.");

            await using var restarted = await ServerProcess.StartAsync(root, settings, port);
            var again = restarted.Client().WithToken((await restarted.Client().Post("/api/auth/login", new { email = O2oApp.AdminEmail, password = O2oApp.AdminPassword }))
                .Is(HttpStatusCode.OK).Str("accessToken"));

            // Unpaid orders expire (3 s) and release their units; wait until none is left waiting.
            var orders = await World.Eventually(() => again.Get($"/api/stores/{store}/orders?pageSize=200"),
                r => r.Json!.AsArray().All(o => o!["status"]!.GetValue<string>() != "pending_payment"));
            var byId = orders.Json!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>(), o => o!["status"]!.GetValue<string>());
            Assert.All(paidConfirmed, id => Assert.Equal("paid", byId[id]));
            Assert.All(byId.Values, s => Assert.Contains(s, new[] { "paid", "cancelled" }));

            var paidCount = byId.Values.Count(s => s == "paid");
            var stockA = (await again.Get($"/api/stores/{store}/inventory/{a}")).Is(HttpStatusCode.OK);
            var stockB = (await again.Get($"/api/stores/{store}/inventory/{b}")).Is(HttpStatusCode.OK);
            Assert.Equal(paidCount, stockA.Long("reserved"));
            Assert.Equal(2 * paidCount, stockB.Long("reserved"));
            Assert.Equal(500, stockA.Long("onHand"));
            var report = (await again.Get("/api/admin/inventory/consistency")).Is(HttpStatusCode.OK);
            Assert.True(report["consistent"].GetValue<bool>(), report.Text);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}

public sealed class CrashSafetyTests_Sqlite(PostgresCluster cluster) : CrashSafetyTests(DatabaseKind.Sqlite, cluster);

public sealed class CrashSafetyTests_Postgres(PostgresCluster cluster) : CrashSafetyTests(DatabaseKind.Postgres, cluster);
