using System.ComponentModel.DataAnnotations;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Payments;

/// <summary>Paul's form for a new gift voucher; what was typed is kept so a mistake stays on screen.</summary>
public sealed class VoucherForm
{
    /// <summary>"amount" or "treatment".</summary>
    public string? Kind { get; set; } = "amount";

    public string? Amount { get; set; }

    /// <summary>"{serviceId}-{minutes}".</summary>
    public string? Treatment { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    [StringLength(100, ErrorMessage = "Keep the buyer's name under 100 characters.")]
    public string? BuyerName { get; set; }

    [StringLength(254, ErrorMessage = "That e-mail address is too long.")]
    [EmailAddress(ErrorMessage = "Enter the buyer's e-mail address, like name@example.com, or leave it empty.")]
    public string? BuyerEmail { get; set; }

    [StringLength(100, ErrorMessage = "Keep the recipient's name under 100 characters.")]
    public string? RecipientName { get; set; }

    public static string TreatmentValue(int serviceId, int minutes) => $"{serviceId}-{minutes}";

    /// <summary>The voucher the form describes (a treatment's value is its price now), or the messages beside the fields that are wrong.</summary>
    public (VoucherTerms? Terms, IReadOnlyList<FieldError> Errors) Read(IReadOnlyList<ServiceSummary> services, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new List<FieldError>();
        var kind = Kind == "treatment" ? VoucherKind.Treatment : VoucherKind.Amount;
        decimal value = 0;
        int? serviceId = null, minutes = null;
        if (kind == VoucherKind.Amount)
        {
            var (amount, error) = PaymentRules.ParseAmount(Amount);
            if (error is not null || amount is not > 0)
            {
                errors.Add(new FieldError(nameof(Amount), error ?? "Enter what the voucher is worth, more than £0."));
            }
            else
            {
                value = amount.Value;
            }
        }
        else
        {
            var chosen = services.SelectMany(s => s.Options.Select(o => (Service: s, Option: o)))
                .FirstOrDefault(c => TreatmentValue(c.Service.Id, c.Option.Minutes) == Treatment);
            if (chosen.Service is null)
            {
                errors.Add(new FieldError(nameof(Treatment), "Choose the treatment and length the voucher is for."));
            }
            else
            {
                (serviceId, minutes, value) = (chosen.Service.Id, chosen.Option.Minutes, chosen.Option.PriceGbp);
            }
        }

        if (VoucherRules.CheckExpiry(ExpiresOn, today) is { } expiryError)
        {
            errors.Add(new FieldError(nameof(ExpiresOn), expiryError));
        }

        var buyer = (BuyerName ?? string.Empty).Trim();
        if (buyer.Length == 0)
        {
            errors.Add(new FieldError(nameof(BuyerName), "Enter the name of who bought it (printed as \"From\")."));
        }

        var recipient = (RecipientName ?? string.Empty).Trim();
        if (recipient.Length == 0)
        {
            errors.Add(new FieldError(nameof(RecipientName), "Enter the name of who it is for (printed as \"For\")."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new VoucherTerms(kind, value, serviceId, minutes, ExpiresOn!.Value, buyer, (BuyerEmail ?? string.Empty).Trim(), recipient), errors);
    }
}
