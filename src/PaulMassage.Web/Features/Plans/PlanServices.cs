namespace PaulMassage.Web.Features.Plans;

public static class PlanServices
{
    /// <summary>The self-help library's drawings, the client's own plan, and check-ins between visits.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CheckInOptions>(configuration.GetSection(CheckInOptions.Section));
        services.AddScoped<CheckIns>();
        services.AddScoped<Privacy.IPersonalDataHandler, CheckInsPersonalData>();
        services.AddSingleton<Drawings>();
        services.AddScoped<CarePlans>();
        services.AddScoped<Privacy.IPersonalDataHandler, CarePlansPersonalData>();
        return services;
    }
}
