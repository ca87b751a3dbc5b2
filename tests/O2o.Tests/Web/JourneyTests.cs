using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace O2o.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed partial class JourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_buys_for_pickup_while_the_store_sees_it_arrive_live_and_hands_it_over_against_the_code()
    {
        var customer = await browser.NewPageAsync();
        var staff = await browser.NewPageAsync(1280, 800);
        await Screens.OnFailureAsync("pickup-journey", async () =>
        {
            await staff.GotoAsync("/store");
            await Pages.SignInAsync(staff, Pages.Staff);
            await Expect(staff.GetByTestId("board")).ToBeVisibleAsync();

            await Pages.AddMilkToCartAsync(customer);
            await Pages.GoToCheckoutAsync(customer);
            await customer.GetByTestId("place-order").ClickAsync();
            await customer.WaitForURLAsync(PayUrl());
            var orderId = PayUrl().Match(customer.Url).Groups["id"].Value;
            await customer.GetByTestId("method-sandbox").ClickAsync();
            await Expect(customer.GetByTestId("qr")).ToBeVisibleAsync();
            await customer.GetByTestId("sandbox-pay").ClickAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "paid");
            var code = (await customer.GetByTestId("pickup-code").InnerTextAsync()).Trim();
            Assert.Matches("^[0-9]{6}$", code);

            // The staff page was not reloaded: the order arrives through the live feed, with the alert.
            var card = staff.Locator($"[data-order-id='{orderId}']");
            await Expect(staff.GetByTestId("new-order-alert")).ToBeVisibleAsync();
            await Expect(staff.GetByTestId("column-paid").Locator($"[data-order-id='{orderId}']")).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(staff, "store-console");
            await card.GetByTestId("accept").ClickAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "preparing");
            await staff.GetByTestId("column-preparing").Locator($"[data-order-id='{orderId}']").GetByTestId("ready").ClickAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "ready_for_pickup");
            await Screens.ForReadmeAsync(customer, "storefront-order");

            await staff.GetByTestId("pickup-input").FillAsync(code);
            await staff.GetByTestId("verify").ClickAsync();
            await Expect(staff.GetByTestId("verified")).ToBeVisibleAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "completed");
            await Expect(customer.GetByTestId("timeline").Locator("li")).ToHaveCountAsync(5);

            // Completed, the order asks for a review, which is kept and shown instead of the form.
            await customer.GetByTestId("star-5").CheckAsync();
            await customer.GetByTestId("review-comment").FillAsync("牛奶很新鲜，到店自提不用排队，店员很热情！");
            await customer.GetByTestId("send-review").ClickAsync();
            await Expect(customer.GetByTestId("review-done")).ToContainTextAsync("★★★★★");
        }, customer, staff);
    }

    [Fact]
    public async Task Delivery_shows_the_fee_or_the_refusal_as_soon_as_the_position_is_set_before_any_order()
    {
        var customer = await browser.NewPageAsync();
        await Screens.OnFailureAsync("delivery-quote", async () =>
        {
            await Pages.AddMilkToCartAsync(customer);
            await Pages.GoToCheckoutAsync(customer);
            await customer.GetByTestId("fulfillment-delivery").CheckAsync();
            await customer.GetByTestId("address-line").FillAsync("江苏省苏州市观前街 1 号");
            await customer.Locator("#addr-name").FillAsync("王小明");
            await customer.GetByTestId("address-phone").FillAsync("13800138000");
            var quote = customer.GetByTestId("delivery-quote");

            // Suzhou is far outside the store's 3 km: the API's quote says so at once, and there is no order to place.
            await customer.GetByTestId("address-lat").FillAsync("31.3");
            await customer.GetByTestId("address-lng").FillAsync("120.6");
            await customer.GetByTestId("address-lng").PressAsync("Tab");
            await Expect(quote).ToHaveAttributeAsync("data-in-area", "false");
            await Expect(quote).ToContainTextAsync("配送范围");
            await Expect(customer.GetByTestId("place-order")).ToBeDisabledAsync();

            // Nanjing Road, about 1.6 km away: base ¥5 + 2 started km × ¥1, shown before the order, charged by it.
            await customer.GetByTestId("address-lat").FillAsync("31.2365");
            await customer.GetByTestId("address-lng").FillAsync("121.479");
            await customer.GetByTestId("address-lng").PressAsync("Tab");
            await Expect(quote).ToHaveAttributeAsync("data-in-area", "true");
            await Expect(quote).ToContainTextAsync("¥7.00");
            await Expect(customer.GetByTestId("checkout-fee")).ToHaveTextAsync("¥7.00");
            // The breakdown prices the delivery itself (the demo customer's tier takes the fee off): let it finish before ordering.
            await Expect(customer.GetByTestId("checkout-total")).ToBeVisibleAsync();
            await Screens.ForReadmeAsync(customer, "storefront-checkout");
            await customer.GetByTestId("place-order").ClickAsync();
            // A loaded CI machine runs this beside the whole suite: the order may take longer than the default 15 s to come back.
            await customer.WaitForURLAsync(PayUrl(), new() { Timeout = 45_000 });
            await Expect(customer.GetByTestId("delivery-fee")).ToHaveTextAsync("¥7.00");
        }, customer);
    }

    [Fact]
    public async Task A_paid_delivery_is_dispatched_to_a_demo_rider_whom_the_customer_watches_move_on_the_order_page()
    {
        var customer = await browser.NewPageAsync();
        await Screens.OnFailureAsync("delivery-tracking", async () =>
        {
            await Pages.AddMilkToCartAsync(customer);
            await Pages.GoToCheckoutAsync(customer);
            await customer.GetByTestId("fulfillment-delivery").CheckAsync();
            await customer.GetByTestId("address-line").FillAsync("上海市黄浦区南京东路300号");
            await customer.Locator("#addr-name").FillAsync("王小明");
            await customer.GetByTestId("address-phone").FillAsync("13800138000");
            await customer.GetByTestId("address-lat").FillAsync("31.2365");
            await customer.GetByTestId("address-lng").FillAsync("121.479");
            await customer.GetByTestId("address-lng").PressAsync("Tab");
            await Expect(customer.GetByTestId("delivery-promise")).ToBeVisibleAsync();
            await customer.GetByTestId("speed-no_rush").CheckAsync();
            await Expect(customer.GetByTestId("checkout-fee")).ToHaveTextAsync("¥4.20"); // 60% of ¥7.00
            await customer.GetByTestId("speed-express").CheckAsync();
            await Expect(customer.GetByTestId("checkout-fee")).ToHaveTextAsync("¥7.00");
            await customer.GetByTestId("place-order").ClickAsync();
            await customer.WaitForURLAsync(PayUrl());
            var orderId = PayUrl().Match(customer.Url).Groups["id"].Value;
            await customer.GetByTestId("method-sandbox").ClickAsync();
            await customer.GetByTestId("sandbox-pay").ClickAsync();
            await Expect(customer.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "paid");
            await Expect(customer.GetByTestId("receipt-code")).ToHaveTextAsync(new Regex("^[0-9]{4}$"));

            // The store accepts; the demo rider, already at the store, picks up and rides: the page follows without a reload.
            var admin = await Pages.AdminApiAsync(browser.Url);
            await Expect(customer.GetByTestId("delivery-tracker")).ToHaveAttributeAsync("data-status", new Regex("offered|accepted"));
            (await admin.Post($"/api/stores/{Pages.HuaihaiStore}/orders/{orderId}/accept")).Is(System.Net.HttpStatusCode.OK);
            await Expect(customer.GetByTestId("delivery-tracker")).ToHaveAttributeAsync("data-status", "picked_up");
            await Expect(customer.GetByTestId("delivery-eta")).ToBeVisibleAsync();
            var rider = customer.GetByTestId("rider-dot");
            var before = await rider.GetAttributeAsync("cy");
            await Expect(rider).Not.ToHaveAttributeAsync("cy", before!);
            await Screens.ForReadmeAsync(customer, "storefront-tracking");

            // The store's console lists the delivery with its rider under way.
            var staff = await browser.NewPageAsync(1280, 800);
            await staff.GotoAsync("/store");
            await Pages.SignInAsync(staff, Pages.Staff);
            await Expect(staff.GetByTestId("riders-panel").Locator($"[data-order-id='{orderId}']")).ToHaveAttributeAsync("data-status", new Regex("picked_up|delivered"));
        }, customer);
    }

    [GeneratedRegex("/orders/(?<id>[0-9a-f-]{36})/pay")]
    private static partial Regex PayUrl();
}
