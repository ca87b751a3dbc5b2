using O2o.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Engagement;

/// <summary>The consoles in a browser: the campaign report draws its bars and its interval, segments list their sizes, the inbox shows messages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EngagementConsoleTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_campaign_report_draws_conversion_bars_and_the_incremental_gmv_interval()
    {
        var page = await browser.NewPageAsync(1280, 1100);
        await Screens.OnFailureAsync("campaign-report", async () =>
        {
            await page.GotoAsync("/admin/campaigns");
            await Pages.SignInAsync(page, "merchant@o2o.demo");
            await Expect(page.GetByTestId("campaign-list")).ToContainTextAsync("双十一回归礼");
            await Expect(page.GetByTestId("auto-launch")).ToContainTextAsync("场景出现时自动发送"); // 雨天热饮 waits for rain
            var report = page.GetByTestId("campaign-report");
            await Expect(report).ToContainTextAsync("实验组");
            await Expect(page.GetByTestId("incremental-gmv")).ToContainTextAsync("¥");
            Assert.Equal(2, await report.Locator("svg rect").CountAsync());
            Assert.Equal(1, await report.Locator("svg circle").CountAsync());
            await Screens.ForReadmeAsync(page, "admin-campaign-report");

            await page.GotoAsync("/admin/segments");
            await Expect(page.GetByTestId("segment-list")).ToContainTextAsync("沉睡客户");
            await Expect(page.GetByTestId("segment-list")).ToContainTextAsync("至少 30 天未购买");
            var name = "浏览器分群" + Guid.NewGuid().ToString("N")[..6];
            await page.Locator("#sg-name").FillAsync(name);
            await page.Locator("#sg-cities").FillAsync("上海");
            await page.Locator("#sg-inactive").FillAsync("60");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "预估人数" }).ClickAsync();
            await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Status)).ToContainTextAsync("当前符合条件");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "创建" }).ClickAsync();
            await Expect(page.GetByTestId("segment-list")).ToContainTextAsync(name);
        }, page);
    }

    [Fact]
    public async Task The_customer_reads_the_inbox_and_the_badge_counts_what_is_unread()
    {
        var page = await browser.NewPageAsync();
        await Screens.OnFailureAsync("inbox", async () =>
        {
            await page.GotoAsync("/inbox");
            await Pages.SignInAsync(page, Pages.Customer);
            await Expect(page.GetByTestId("inbox")).ToContainTextAsync("欢迎来到鲜邻生活");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "全部已读" }).ClickAsync();
            await Expect(page.GetByTestId("inbox-unread")).ToContainTextAsync("0 条未读");
        }, page);
    }
}
