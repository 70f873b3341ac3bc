using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Checks what data annotations cannot (the intake answers needed, consent) and turns a valid form
/// into a <see cref="BookingRequest"/>. The treatment, length and postcode were checked already by
/// <see cref="VisitChoiceRules"/>. A signed-in client's booking uses the account's confirmed
/// address, whatever the form's e-mail field says.
/// </summary>
public static class BookingFormMapper
{
    public static BookingRequest? ToRequest(BookingForm form, UkPostcode postcode, ModelStateDictionary modelState, Booker booker)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(postcode);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(booker);

        if (booker is Booker.Account account)
        {
            form.Email = account.Email;
            modelState.Remove(nameof(BookingForm.Email));
        }

        form.Intake.Check(modelState, nameof(BookingForm.Intake), IntakeAsker.Client);

        if (!form.ConsentToHealthData)
        {
            modelState.AddModelError(nameof(BookingForm.ConsentToHealthData), "Paul needs your consent to keep this health information before he can treat you.");
        }

        if (!form.AcceptCancellationPolicy)
        {
            modelState.AddModelError(nameof(BookingForm.AcceptCancellationPolicy), "Please accept the cancellation policy.");
        }

        if (!modelState.IsValid)
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
            form.Address.AddressLine1!.Trim(),
            NullIfBlank(form.Address.AddressLine2),
            form.Address.Town!.Trim(),
            NullIfBlank(form.Address.AccessNotes),
            form.Intake.ToDetails(form.Intake.TickedRedFlags),
            booker,
            form.NoReviewRequests);
    }

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
