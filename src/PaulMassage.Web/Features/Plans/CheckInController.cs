using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Plans;

public sealed class CheckInForm
{
    [Required(ErrorMessage = "Choose how your pain is now, from 0 (none) to 10 (the worst you can imagine).")]
    [Range(0, 10, ErrorMessage = "Choose how your pain is now, from 0 (none) to 10 (the worst you can imagine).")]
    [Display(Name = "Your pain now")]
    [NumberBox]
    public int? PainScore { get; set; }

    [StringLength(CheckIn.ChangesMaxLength, ErrorMessage = "Please keep it under 2,000 characters.")]
    [Display(Name = "What has changed since your last visit?")]
    [DataType(DataType.MultilineText)]
    public string? Changes { get; set; }

    public List<RedFlag> RedFlags { get; set; } = [];

    public bool NoRedFlags { get; set; }
}

/// <summary>The page a check-in form comes back to, with what was typed.</summary>
public sealed record CheckInFormPage(CheckInPageModel Page, CheckInForm Form);

/// <summary>The client's check-in before a visit: the one-time link from the e-mail, the red-flag route, the one-click stop.</summary>
[AllowAnonymous]
[Route("check-in/{token}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CheckInController(CheckIns checkIns) : Controller
{
    public const string RedFlagsField = nameof(CheckInForm.RedFlags);

    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken) =>
        PageView(await checkIns.PageAsync(token, cancellationToken: cancellationToken), new CheckInForm());

    [HttpPost("")]
    public async Task<IActionResult> Answer(string token, [FromForm] CheckInForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var flags = form.RedFlags.Aggregate(RedFlag.None, (all, f) => all | f);

        // Red flags first, whatever else is missing: the advice never waits behind a score.
        if (flags == RedFlag.None)
        {
            if (!form.NoRedFlags)
            {
                ModelState.AddModelError(RedFlagsField, "Tick any of these that apply, or \"None of these\".");
            }

            if (!ModelState.IsValid)
            {
                return PageView(await checkIns.PageAsync(token, cancellationToken: cancellationToken), form);
            }
        }

        var (outcome, stop) = await checkIns.AnswerAsync(token, ModelState.IsValid ? form.PainScore : null, form.Changes, flags, cancellationToken);
        return outcome switch
        {
            CheckInAnswerOutcome.RedFlag => View("CheckInRedFlag", stop),
            CheckInAnswerOutcome.Saved => View("CheckInThanks"),
            _ => PageView(await checkIns.PageAsync(token, cancellationToken: cancellationToken), form),
        };
    }

    /// <summary>One click stops every check-in to come for this client.</summary>
    [HttpPost("stop")]
    public async Task<IActionResult> Stop(string token, CancellationToken cancellationToken) =>
        await checkIns.StopAsync(token, cancellationToken)
            ? View("CheckIn", new CheckInFormPage(await checkIns.PageAsync(token, stopped: true, cancellationToken: cancellationToken), new CheckInForm()))
            : NotFound();

    private IActionResult PageView(CheckInPageModel page, CheckInForm form) =>
        page.State == CheckInState.Unknown ? NotFound() : View("CheckIn", new CheckInFormPage(page, form));
}
