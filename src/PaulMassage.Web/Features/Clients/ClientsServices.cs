using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.Web.Features.Clients;

public static class ClientsServices
{
    /// <summary>Client records, treatment notes and courses of treatment.</summary>
    public static IServiceCollection AddClientRecords(this IServiceCollection services)
    {
        services.AddScoped<ClientDirectory>();
        services.AddScoped<ClientIdentities>();
        services.AddScoped<TreatmentNotes>();
        services.AddScoped<CourseService>();
        services.AddScoped<IPersonalDataHandler, ClientRecordsPersonalData>();
        return services;
    }
}
