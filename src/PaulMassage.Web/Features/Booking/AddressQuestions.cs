using System.ComponentModel.DataAnnotations;
using PaulMassage.Web.Features.Clients;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Where the visit is, as both booking forms ask it (the public form and the therapist's phone
/// form, each as its <c>Address</c> property, rendered by the partial <c>_AddressQuestions</c>).
/// The postcode is not here: online it is asked in step 1 and carried, on the phone it is typed
/// with the visit; both are checked by <see cref="VisitChoiceRules"/>.
/// </summary>
public sealed class AddressQuestions
{
    [Required(ErrorMessage = "Enter the first line of the address.")]
    [StringLength(200, ErrorMessage = "The first line can be at most 200 characters.")]
    [Display(Name = "Address line 1")]
    public string? AddressLine1 { get; set; }

    [StringLength(200, ErrorMessage = "The second line can be at most 200 characters.")]
    [Display(Name = "Address line 2 (optional)")]
    public string? AddressLine2 { get; set; }

    [Required(ErrorMessage = "Enter the town or city.")]
    [StringLength(100, ErrorMessage = "The town can be at most 100 characters.")]
    [Display(Name = "Town or city")]
    public string? Town { get; set; }

    [StringLength(1000, ErrorMessage = "Access notes can be at most 1,000 characters.")]
    [Display(Name = "Getting in (optional)")]
    [DataType(DataType.MultilineText)]
    public string? AccessNotes { get; set; }

    /// <summary>The address a known client gave last time.</summary>
    public static AddressQuestions From(ClientLookup client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new()
        {
            AddressLine1 = client.AddressLine1,
            AddressLine2 = client.AddressLine2,
            Town = client.Town,
            AccessNotes = client.AccessNotes,
        };
    }
}
