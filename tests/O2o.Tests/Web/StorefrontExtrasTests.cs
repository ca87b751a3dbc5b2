using System.Net;
using System.Text.RegularExpressions;
using O2o.Server.Kernel;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

/// <summary>Pickup slots and vouchers (团购券) on the storefront, and redeeming a voucher at the store's counter.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StorefrontExtrasTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task At_a_store_that_paces_pickups_the_customer_chooses_a_slot_and_the_order_shows_it_on_the_stores_clock()
    {
        // The other 24-hour store, so the pickup journey at Huaihai Road stays unpaced.
        var siping = StableId.From("demo:store:SH-YP-01").ToString();
        var admin = await Pages.AdminApiAsync(browser.Url);
        (await admin.Put($"/api/admin/stores/{siping}/pickup-slots", new { slotMinutes = 60, capacity = 3, leadMinutes = 15 })).Is(HttpStatusCode.OK);
        var customer = await browser.NewPageAsync();
        try
        {
            await Screens.OnFailureAsync("pickup-slot", async () =>
            {
                await Pages.AddMilkToCartAsync(customer, siping);
                await Pages.GoToCheckoutAsync(customer);
                await Expect(customer.GetByTestId("pickup-slots")).ToBeVisibleAsync();
                // Tomorrow on the store's clock every hour is still free, whatever the time now.
                var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await customer.GetByTestId("slot-date").SelectOptionAsync(tomorrow);
                var ten = customer.Locator($".slot-grid[data-day='{tomorrow}'] .slot").Nth(10);
                await Expect(ten).ToContainTextAsync("10:00–11:00");
                await ten.GetByTestId("slot").CheckAsync();
                await customer.GetByTestId("place-order").ClickAsync();
                await customer.WaitForURLAsync(PayUrl());
                await customer.GetByTestId("method-sandbox").ClickAsync();
                await customer.GetByTestId("sandbox-pay").ClickAsync();
                await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "paid");
                await Expect(customer.GetByTestId("pickup-slot")).ToContainTextAsync($"{tomorrow} 10:00");
            }, customer);
        }
        finally
        {
            await admin.Delete($"/api/admin/stores/{siping}/pickup-slots");
        }
    }

    [Fact]
    public async Task A_customer_buys_a_voucher_pays_and_shows_its_code_which_the_store_redeems()
    {
        var customer = await browser.NewPageAsync();
        var staff = await browser.NewPageAsync(1280, 800);
        await Screens.OnFailureAsync("voucher", async () =>
        {
            await customer.GotoAsync("/vouchers");
            await Pages.SignInAsync(customer, Pages.Customer);
            await customer.GotoAsync($"/s/{Pages.HuaihaiStore}");
            var cash = customer.GetByTestId("voucher-offers").Locator("li", new() { HasText = "100元代金券" });
            await cash.GetByTestId("buy-voucher").ClickAsync();
            await customer.WaitForURLAsync(PayUrl());
            var orderId = PayUrl().Match(customer.Url).Groups["id"].Value;
            await customer.GetByTestId("method-sandbox").ClickAsync();
            await customer.GetByTestId("sandbox-pay").ClickAsync();
            await customer.GetByTestId("to-vouchers").ClickAsync();

            // The codes are issued right after the payment commits; the page asks again when told to.
            var voucher = customer.Locator($"[data-testid=voucher][data-order-id='{orderId}']");
            for (var i = 0; i < 30 && await voucher.CountAsync() == 0; i++)
            {
                await Task.Delay(300);
                await customer.GetByTestId("refresh-vouchers").ClickAsync();
            }
            await Expect(voucher).ToHaveAttributeAsync("data-status", "active");
            await Expect(voucher.GetByTestId("qr")).ToBeVisibleAsync();
            var code = await voucher.GetByTestId("voucher-code").GetAttributeAsync("data-code");
            Assert.Matches("^[0-9]{12}$", code);
            await Screens.ForReadmeAsync(customer, "storefront-vouchers");

            await staff.GotoAsync("/store");
            await Pages.SignInAsync(staff, Pages.Staff);
            await staff.GetByTestId("voucher-input").FillAsync(code!);
            await staff.GetByTestId("redeem").ClickAsync();
            await Expect(staff.GetByTestId("redeemed")).ToContainTextAsync("100元代金券");
            await staff.GetByTestId("voucher-input").FillAsync(code!);
            await staff.GetByTestId("redeem").ClickAsync();
            await Expect(staff.GetByTestId("problem")).ToBeVisibleAsync();

            await customer.GetByTestId("refresh-vouchers").ClickAsync();
            await Expect(voucher).ToHaveAttributeAsync("data-status", "used");
        }, customer, staff);
    }

    [GeneratedRegex("/orders/(?<id>[0-9a-f-]{36})/pay")]
    private static partial Regex PayUrl();
}
