using System.Net;
using Microsoft.Playwright;
using O2o.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

/// <summary>What a person does on the consoles, in the words of the page.</summary>
public static class Pages
{
    /// <summary>The 24-hour store on Middle Huaihai Road of the demo world, so the journey works at any hour.</summary>
    public const string HuaihaiStore = "39209179-0c92-8939-9763-f4a7720279ca";
    public const string Customer = "customer@o2o.demo";
    public const string Staff = "staff.sh-hp-01@o2o.demo";
    public const string DemoPassword = "Demo123!";

    public static async Task SignInAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.Locator("#signin-email").FillAsync(email);
        await page.Locator("#signin-password").FillAsync(password);
        await page.Locator(".signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("who")).ToBeVisibleAsync();
    }

    /// <summary>From the store's shelf, search, open the first product and put it in the cart, signing in when asked.</summary>
    public static async Task AddMilkToCartAsync(IPage page, string storeId = HuaihaiStore)
    {
        await page.GotoAsync($"/s/{storeId}");
        await page.GetByTestId("search").FillAsync("牛奶");
        await page.GetByTestId("search").PressAsync("Enter");
        await Expect(page.GetByTestId("products").Locator("li").First).ToContainTextAsync("奶");
        await page.GetByTestId("products").Locator("li a").First.ClickAsync();
        await page.GetByTestId("add-to-cart").ClickAsync();
        await Expect(page.GetByTestId("added").Or(page.Locator("#signin-email"))).ToBeVisibleAsync();
        if (await page.Locator("#signin-email").IsVisibleAsync())
        {
            await SignInAsync(page, Customer);
            await page.GetByTestId("add-to-cart").ClickAsync();
        }
        await Expect(page.GetByTestId("added")).ToBeVisibleAsync();
    }

    /// <summary>The platform admin on the HTTP API of the browser tests' server, for what a test sets up before the pages.</summary>
    public static async Task<Api> AdminApiAsync(string serverUrl)
    {
        var api = new Api(new HttpClient { BaseAddress = new Uri(serverUrl) });
        var login = (await api.Post("/api/auth/login", new { email = "admin@o2o.demo", password = "Admin123!" })).Is(HttpStatusCode.OK);
        return api.WithToken(login.Str("accessToken"));
    }

    public static async Task GoToCheckoutAsync(IPage page)
    {
        await page.GetByTestId("nav-cart").ClickAsync();
        await page.GetByTestId("to-checkout").ClickAsync();
        await Expect(page.GetByTestId("place-order")).ToBeVisibleAsync();
    }
}
