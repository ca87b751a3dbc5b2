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
            await page.GotoAsync("/");
            await Expect(page.GetByTestId("stores").Locator("li").First).ToBeVisibleAsync();
            await page.GetByTestId("stores").Locator("a").First.ClickAsync();
            await Expect(page.GetByTestId("products").Locator("li").First).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(page, "storefront");
        }, page);
    }
}
