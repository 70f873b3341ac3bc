using PaulMassage.Web.Features.Courses;

namespace PaulMassage.Web.Features.Clients;

public static class ClientsServices
{
    /// <summary>Client records, treatment notes and courses of treatment.</summary>
    public static IServiceCollection AddClientRecords(this IServiceCollection services)
    {
        services.AddScoped<ClientDirectory>();
        services.AddScoped<TreatmentNotes>();
        services.AddScoped<CourseService>();
        return services;
    }
}
