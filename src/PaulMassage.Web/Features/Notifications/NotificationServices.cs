using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.Web.Features.Notifications;

public static class NotificationServices
{
    /// <summary>E-mail: the outbox, the composer, the transport (pickup folder or SMTP), the background sender and Identity's sender.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.Mode != EmailMode.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Email:Mode is Smtp but Email:Smtp:Host is not set.")
            .Validate(o => o.Mode != EmailMode.Pickup || !string.IsNullOrWhiteSpace(o.PickupDirectory), "Email:Mode is Pickup but Email:PickupDirectory is not set.")
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.LeaseSeconds >= 30 && o.FirstRetryDelaySeconds >= 1
                && TimeSpan.FromMinutes(o.MaxRetryDelayMinutes) >= TimeSpan.FromSeconds(o.FirstRetryDelaySeconds),
                "Email: MaxAttempts and BatchSize must be at least 1, LeaseSeconds at least 30, and MaxRetryDelayMinutes no shorter than FirstRetryDelaySeconds.")
            .ValidateOnStart();

        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode == EmailMode.Smtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryTransport>());

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<ManageLinks>();
        services.AddScoped<Outbox>();
        services.AddScoped<BookingNotifications>();
        services.AddScoped<IPersonalDataHandler, OutboxPersonalData>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<OutboxAdmin>();
        services.Replace(ServiceDescriptor.Scoped<IEmailSender<AppUser>, IdentityEmailSender>());
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
