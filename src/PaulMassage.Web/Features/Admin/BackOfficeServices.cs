using PaulMassage.Web.Features.Calendar;

namespace PaulMassage.Web.Features.Admin;

public static class BackOfficeServices
{
    /// <summary>The back office's requests, visit changes, calendar, day agenda and iCal feed.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddScoped<RequestsQuery>();
        services.AddScoped<BackOfficeAttention>();
        services.AddScoped<ClientChangesQuery>();
        services.AddScoped<AppointmentActions>();
        services.AddScoped<PhoneBookingService>();
        services.AddScoped<CalendarQuery>();
        services.AddScoped<OnMyWay>();
        services.AddScoped<CalendarFeedService>();
        return services;
    }
}
