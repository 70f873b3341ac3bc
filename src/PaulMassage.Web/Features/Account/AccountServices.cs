using Microsoft.AspNetCore.Identity;

namespace PaulMassage.Web.Features.Account;

public static class AccountServices
{
    /// <summary>Client accounts: registration, e-mail confirmation, the account page.</summary>
    public static IServiceCollection AddClientAccounts(this IServiceCollection services)
    {
        services.AddScoped<ClientAccounts>();
        services.AddScoped<ClientAccountQuery>();
        services.AddSingleton<SignInAttempts>();
        services.AddScoped<TherapistTwoFactor>();

        services.Configure<IdentityOptions>(options =>
        {
            // A client signs in only once the address is confirmed: that is what proves the bookings are theirs.
            options.SignIn.RequireConfirmedEmail = true;

            // User names are e-mail addresses, which may hold characters such as ' or &.
            options.User.AllowedUserNameCharacters = string.Empty;
        });
        return services;
    }
}
