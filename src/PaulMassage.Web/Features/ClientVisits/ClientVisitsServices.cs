namespace PaulMassage.Web.Features.ClientVisits;

public static class ClientVisitsServices
{
    /// <summary>Clients moving and cancelling their own visits.</summary>
    public static IServiceCollection AddClientVisits(this IServiceCollection services)
    {
        services.AddScoped<ClientVisitService>();
        services.AddScoped<MoveVisitPages>();
        return services;
    }
}
