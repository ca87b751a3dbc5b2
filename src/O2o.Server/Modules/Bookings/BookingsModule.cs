using O2o.Server.Modules.Ordering;
using O2o.Server.Platform;

namespace O2o.Server.Modules.Bookings;

/// <summary>Service bookings: slots of a service per store from its opening hours, booked and paid as an order, reminded, checked in at the store.</summary>
public static class BookingsModule
{
    public static void AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BookingsOptions>().Bind(builder.Configuration.GetSection("Bookings"))
            .Validate(o => o.ReminderInterval > TimeSpan.Zero && o.ReminderLead >= TimeSpan.Zero && o.CheckInEarly >= TimeSpan.Zero && o.NoShowGrace >= TimeSpan.Zero,
                "Bookings:ReminderInterval must be positive; ReminderLead, CheckInEarly and NoShowGrace not negative.").ValidateOnStart();
        builder.Services.AddScoped<SlotPlaces>();
        builder.Services.AddScoped<BookingReminders>();
        builder.Services.AddScoped<BookingDesk>();
        builder.Services.AddHostedService<BookingReminderJob>();
        builder.Services.AddEventHandler<BookingOrderPaid, ConfirmPaidBooking>();
        builder.Services.AddEventHandler<OrderCancelled, CloseBookingOfCancelledOrder>();
    }

    public static void MapBookings(this IEndpointRouteBuilder api)
    {
        ServiceTermsEndpoints.Map(api);
        ListServiceSlots.Map(api);
        BookService.Map(api);
        CustomerBookings.Map(api);
        RescheduleBooking.Map(api);
        CancelBooking.Map(api);
        StoreBookings.Map(api);
    }
}

internal sealed class BookingsOptions
{
    /// <summary>How long before the start a confirmed booking's reminder is sent.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How early before the start staff may check a customer in.</summary>
    public TimeSpan CheckInEarly { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long after the start staff must wait before marking a no-show.</summary>
    public TimeSpan NoShowGrace { get; set; } = TimeSpan.FromMinutes(15);
}
