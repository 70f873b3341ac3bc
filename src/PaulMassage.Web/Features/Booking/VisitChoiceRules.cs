using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// The treatment, length and postcode of a visit, checked the same way wherever they are typed
/// (the online steps, the phone booking form, the availability API): the one place for
/// "offered for N or M minutes" and "Enter a full UK postcode".
/// </summary>
public static class VisitChoiceRules
{
    /// <summary>
    /// The treatment chosen, or null with an error under <paramref name="serviceKey"/> when it is not
    /// offered; an error under <paramref name="minutesKey"/> when it is not offered for that length.
    /// </summary>
    public static ServiceSummary? CheckService(
        IReadOnlyList<ServiceSummary> services, string? slug, int? minutes, ModelStateDictionary modelState,
        string serviceKey = nameof(VisitChoice.Service), string minutesKey = nameof(VisitChoice.Minutes))
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(slug))
        {
            return null;
        }

        var service = services.SingleOrDefault(s => s.Slug == slug);
        if (service is null)
        {
            modelState.AddModelError(serviceKey, "Choose one of the treatments listed.");
        }
        else if (minutes is int length)
        {
            CheckLength(service, length, modelState, minutesKey);
        }

        return service;
    }

    /// <summary>Adds an error under <paramref name="minutesKey"/> unless the treatment is offered for that many minutes.</summary>
    public static bool CheckLength(ServiceSummary service, int minutes, ModelStateDictionary modelState, string minutesKey = nameof(VisitChoice.Minutes))
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(modelState);
        if (service.Options.Any(o => o.Minutes == minutes))
        {
            return true;
        }

        modelState.AddModelError(minutesKey, $"{service.Name} is offered for {string.Join(" or ", service.Options.Select(o => o.Minutes))} minutes.");
        return false;
    }

    /// <summary>The postcode, or null with an error under <paramref name="key"/> when it is given but not a full UK postcode.</summary>
    public static UkPostcode? CheckPostcode(string? value, ModelStateDictionary modelState, string key = nameof(VisitChoice.Postcode))
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (UkPostcode.TryParse(value, out var postcode))
        {
            return postcode;
        }

        modelState.AddModelError(key, "Enter a full UK postcode, for example SE1 7PB.");
        return null;
    }
}
