using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

/// <summary>The member centre and points at checkout, as the demo customer (钻石 from the demo's order history) sees them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MembershipTests(BrowserFixture browser)
{
    [Fact]
    public async Task Checkout_explains_the_price_points_pay_part_of_it_and_the_member_centre_shows_the_spending_and_signs_in()
    {
        var customer = await browser.NewPageAsync();
        await Screens.OnFailureAsync("membership", async () =>
        {
            await Pages.AddMilkToCartAsync(customer);
            await Pages.GoToCheckoutAsync(customer);
            var total = customer.GetByTestId("checkout-total");
            await Expect(total).ToBeVisibleAsync();
            var before = Money(await total.InnerTextAsync());

            // Points may pay half the goods: the total halves (rounded in the customer's favour) before the order is placed.
            await customer.GetByTestId("use-points").CheckAsync();
            await Expect(customer.GetByTestId("price-breakdown").Locator(".adjustment[data-kind='points']")).ToBeVisibleAsync();
            await Expect(total).Not.ToHaveTextAsync(Format(before));
            var withPoints = Money(await total.InnerTextAsync());
            Assert.Equal(before - before / 2, withPoints);

            await customer.GetByTestId("place-order").ClickAsync();
            await customer.WaitForURLAsync(PayUrl());
            await customer.GetByTestId("method-sandbox").ClickAsync();
            await customer.GetByTestId("sandbox-pay").ClickAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "paid");
            await Expect(customer.GetByTestId("order-total")).ToHaveTextAsync(Format(withPoints));
            await Expect(customer.GetByTestId("points-used")).ToContainTextAsync((before / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(customer.GetByTestId("order-line").Locator(".adjustment[data-kind='points']")).ToBeVisibleAsync();

            await customer.GetByTestId("nav-member").ClickAsync();
            await Expect(customer.GetByTestId("member-card")).ToHaveAttributeAsync("data-tier", "4");
            await Expect(customer.GetByTestId("points-ledger").Locator("tr[data-kind='redeem']").First).ToBeVisibleAsync();
            await customer.GetByTestId("sign-in").ClickAsync();
            await Expect(customer.GetByTestId("signed-in")).ToBeVisibleAsync();
            await Expect(customer.GetByTestId("sign-in")).ToBeDisabledAsync();
            await Expect(customer.GetByTestId("points-ledger").Locator("tr[data-kind='sign_in']").First).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(customer, "storefront-member");
        }, customer);
    }

    [Fact]
    public async Task The_platform_sees_members_per_tier_what_points_would_pay_and_that_the_points_books_agree()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await Screens.OnFailureAsync("admin-loyalty", async () =>
        {
            await page.GotoAsync("/admin/loyalty");
            await Pages.SignInAsync(page, "admin@o2o.demo", "Admin123!");
            await Expect(page.GetByTestId("loyalty-kpis")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("liability")).ToContainTextAsync("¥");
            // The demo customer is the one diamond member.
            await Expect(page.GetByTestId("tier-bars").Locator("rect.tier-4")).ToHaveCountAsync(1);
            Assert.True(await page.GetByTestId("tier-bars").Locator("rect.tier-4").BoundingBoxAsync() is { Width: > 0 });
            await page.GetByTestId("reconcile").ClickAsync();
            await Expect(page.GetByTestId("reconciled")).ToHaveAttributeAsync("data-ok", "true");
            await Screens.ForReadmeAsync(page, "admin-loyalty");
        }, page);
    }

    private static long Money(string text) => (long)Math.Round(decimal.Parse(text.Trim().TrimStart('¥'), System.Globalization.CultureInfo.InvariantCulture) * 100);

    private static string Format(long fen) => O2o.Web.Texts.Ui.Money(fen);

    [GeneratedRegex("/orders/(?<id>[^/]+)/pay$")]
    private static partial Regex PayUrl();
}
