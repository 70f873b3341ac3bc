using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Checks what data annotations cannot (the postcode's shape, the choices that must be made,
/// consent) and turns a valid form into a <see cref="BookingRequest"/>. A signed-in client's
/// booking uses the account's confirmed address, whatever the form's e-mail field says.
/// </summary>
public static class BookingFormMapper
{
    public static BookingRequest? ToRequest(BookingForm form, ModelStateDictionary modelState, Booker booker)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(booker);

        if (booker is Booker.Account account)
        {
            form.Email = account.Email;
            modelState.Remove(nameof(BookingForm.Email));
        }

        if (form.PainAreas.Count == 0)
        {
            modelState.AddModelError(nameof(BookingForm.PainAreas), "Choose at least one place where it hurts.");
        }

        if (form.Feelings.Count == 0)
        {
            modelState.AddModelError(nameof(BookingForm.Feelings), "Choose at least one description of the pain.");
        }

        CheckRedFlagAnswer(modelState, form.RedFlags, form.NoRedFlags, "Tick any of these that apply, or tick \"None of these apply to me\".");

        if (!form.ConsentToHealthData)
        {
            modelState.AddModelError(nameof(BookingForm.ConsentToHealthData), "Paul needs your consent to keep this health information before he can treat you.");
        }

        if (!form.AcceptCancellationPolicy)
        {
            modelState.AddModelError(nameof(BookingForm.AcceptCancellationPolicy), "Please accept the cancellation policy.");
        }

        if (!ValidFlags(form.PainAreas) || !ValidFlags(form.Feelings) || !ValidFlags(form.Contraindications) || !ValidFlags(form.RedFlags)
            || (form.Duration is PainDuration d && !Enum.IsDefined(d)))
        {
            modelState.AddModelError(string.Empty, "One of the answers was not one of the choices offered. Please check the form.");
        }

        UkPostcode? postcode = null;
        if (form.Postcode is not null && !UkPostcode.TryParse(form.Postcode, out postcode))
        {
            modelState.AddModelError(nameof(BookingForm.Postcode), "Enter a full UK postcode, for example SE1 7PB.");
        }

        if (!modelState.IsValid || postcode is null)
        {
            return null;
        }

        return new BookingRequest(
            form.Service!,
            form.Minutes!.Value,
            form.Start!.Value,
            postcode,
            form.Name!.Trim(),
            form.Email!.Trim(),
            form.Phone!.Trim(),
            form.AddressLine1!.Trim(),
            NullIfBlank(form.AddressLine2),
            form.Town!.Trim(),
            NullIfBlank(form.AccessNotes),
            new IntakeDetails(
                form.MainComplaint!.Trim(),
                Combine(form.PainAreas),
                form.PainIntensity!.Value,
                form.Duration!.Value,
                Combine(form.Feelings),
                Combine(form.Contraindications),
                NullIfBlank(form.MedicalHistory),
                Combine(form.RedFlags),
                form.SeenByGpSince),
            booker);
    }

    /// <summary>
    /// The red flags ticked, of those offered, as one value to screen before anything else on the
    /// form is checked. A flag ticked together with "None of these apply" still counts: when in
    /// doubt, the client sees the advice.
    /// </summary>
    public static RedFlag TickedRedFlags(IEnumerable<RedFlag> ticked) =>
        Combine(ticked.Where(f => Enum.IsDefined(f) && f != RedFlag.None).ToList());

    /// <summary>
    /// The red-flag question's rule, shared by the public form and the therapist's phone form (both
    /// name the question's field RedFlags): it needs an answer, one or more flags or "None of these
    /// apply", and not both. <paramref name="unanswered"/> words the missing answer for whoever is
    /// filling the form in.
    /// </summary>
    internal static void CheckRedFlagAnswer(ModelStateDictionary modelState, List<RedFlag> ticked, bool noneApply, string unanswered)
    {
        if (ticked.Count == 0 && !noneApply)
        {
            modelState.AddModelError(nameof(BookingForm.RedFlags), unanswered);
        }
        else if (ticked.Count > 0 && noneApply)
        {
            modelState.AddModelError(nameof(BookingForm.RedFlags), "You ticked a symptom and also \"None of these apply\". Please check your answer.");
        }
    }

    internal static bool ValidFlags<T>(List<T> values)
        where T : struct, Enum =>
        values.All(v => Enum.IsDefined(v) && Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0);

    internal static T Combine<T>(List<T> values)
        where T : struct, Enum =>
        (T)Enum.ToObject(typeof(T), values.Aggregate(0L, (all, v) => all | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
