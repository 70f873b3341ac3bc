using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.Web.Features.Reviews;

public sealed record ModerationPage(IReadOnlyList<ModerationRow> Reviews, string? Message, bool MessageIsError);

public sealed class HoldBackForm
{
    /// <summary>One of the stated reasons; anything else binds to null and is refused.</summary>
    public HoldBackReason? Reason { get; set; }
}

public sealed class ReplyForm
{
    public string? Reply { get; set; }
}

/// <summary>Paul's moderation of reviews (/admin/reviews): publish, hold back for a stated reason, reply.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/reviews")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ReviewModerationController(ReviewModeration moderation) : Controller
{
    private const string MessageKey = "ReviewsMessage";
    private const string ErrorKey = "ReviewsError";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Moderation", new ModerationPage(await moderation.ListAsync(cancellationToken),
            TempData[MessageKey] as string ?? TempData[ErrorKey] as string, TempData.ContainsKey(ErrorKey)));

    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        Done(await moderation.PublishAsync(id, cancellationToken), id);

    [HttpPost("{id:int}/hold-back")]
    public async Task<IActionResult> HoldBack(int id, [FromForm] HoldBackForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Done(await moderation.HoldBackAsync(id, ModelState.IsValid ? form.Reason : null, cancellationToken), id);
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, [FromForm] ReplyForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Done(await moderation.ReplyAsync(id, form.Reply, cancellationToken), id);
    }

    private RedirectResult Done(ModerationOutcome outcome, int id)
    {
        TempData[outcome.Done ? MessageKey : ErrorKey] = outcome.Message;
        return Redirect($"/admin/reviews#review-{id}");
    }
}
