using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class StorefrontTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_storefront_lists_nearby_stores_and_a_stores_products()
    {
        var page = await browser.NewPageAsync();
        await Screens.OnFailureAsync(nameof(The_storefront_lists_nearby_stores_and_a_stores_products), async () =>
        {
            // The first page's speed as a person sees it: the shell's load event, then the nearest stores listed.
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/");
            var loaded = clock.ElapsedMilliseconds;
            await Expect(page.GetByTestId("stores").Locator("li").First).ToBeVisibleAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"first page, cold server: load event {loaded} ms, stores listed {clock.ElapsedMilliseconds} ms");
            var again = await browser.NewPageAsync();
            clock.Restart();
            await again.GotoAsync("/");
            loaded = clock.ElapsedMilliseconds;
            await Expect(again.GetByTestId("stores").Locator("li").First).ToBeVisibleAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"first page, new visitor: load event {loaded} ms, stores listed {clock.ElapsedMilliseconds} ms");
            await page.GetByTestId("stores").Locator("a").First.ClickAsync();
            await Expect(page.GetByTestId("products").Locator("li").First).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(page, "storefront");
        }, page);
    }
}
