namespace PaulMassage.Web.Features.Plans;

public static class PlanServices
{
    /// <summary>The self-help library's drawings, and the client's own plan.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddSingleton<Drawings>();
        services.AddScoped<CarePlans>();
        services.AddScoped<Privacy.IPersonalDataHandler, CarePlansPersonalData>();
        return services;
    }
}
