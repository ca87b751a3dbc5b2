using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_language_switch_turns_every_console_text_to_english_and_back()
    {
        var page = await browser.NewPageAsync();
        await Screens.OnFailureAsync("language-switch", async () =>
        {
            await page.GotoAsync("/");
            await Expect(page.Locator("h1")).ToHaveTextAsync("附近门店");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await page.GetByTestId("lang-en").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Stores nearby");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByTestId("stores")).ToContainTextAsync("Open");
            await page.GetByTestId("lang-zh").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("附近门店");
        }, page);
    }

    [Fact]
    public async Task The_admin_dashboard_draws_its_charts_from_the_sales_figures()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await Screens.OnFailureAsync("dashboard", async () =>
        {
            await page.GotoAsync("/admin");
            await Pages.SignInAsync(page, "admin@o2o.demo", "Admin123!");
            await Expect(page.GetByTestId("kpis-period")).ToContainTextAsync("¥");
            foreach (var chart in new[] { "chart-hours", "chart-share", "chart-funnel", "chart-stores" })
            {
                // A series draws one shape per bar or slice; the axes alone would leave none.
                var shapes = page.GetByTestId(chart).Locator(".rz-column-series path, .rz-bar-series path, .rz-donut-series path");
                await Expect(shapes.First).ToBeAttachedAsync();
                Assert.True(await shapes.CountAsync() >= 2, $"{chart} drew {await shapes.CountAsync()} shapes");
            }
            await Expect(page.GetByTestId("store-table").Locator("tbody tr").First).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(page, "admin-dashboard");
        }, page);
    }

    [Fact]
    public async Task A_merchant_admin_sees_the_merchants_staff_and_a_new_account_joins_the_list()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await Screens.OnFailureAsync("admin-staff", async () =>
        {
            await page.GotoAsync("/admin/staff");
            await Pages.SignInAsync(page, "merchant@o2o.demo");
            var list = page.GetByTestId("staff-list");
            await Expect(list).ToContainTextAsync(Pages.Staff);
            await Expect(list).ToContainTextAsync("商家管理员");
            await Expect(list).Not.ToContainTextAsync("admin@o2o.demo");

            var email = $"new.{Guid.NewGuid():N}"[..16] + "@o2o.demo";
            await page.Locator("#sf-name").FillAsync("新店员 New");
            await page.Locator("#sf-email").FillAsync(email);
            await page.Locator("#sf-password").FillAsync("Staff1234x");
            await page.Locator("fieldset input[type=checkbox]").First.CheckAsync();
            await page.Locator("form.form-grid button[type=submit]").ClickAsync();
            await Expect(list).ToContainTextAsync(email);
        }, page);
    }
}
