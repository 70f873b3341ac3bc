using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Courses;

public sealed class CourseForm
{
    public int? Id { get; set; }

    [Display(Name = "Number of sessions")]
    [NumberBox]
    public int? Sessions { get; set; }

    [Display(Name = "Days between sessions")]
    [NumberBox]
    public int? IntervalDays { get; set; }

    /// <summary>"serviceId:minutes" of the focus treatment and its length.</summary>
    [Display(Name = "Focus treatment")]
    public string? Treatment { get; set; }

    [Display(Name = "Goal")]
    [DataType(DataType.MultilineText)]
    public string? Goal { get; set; }

    [Display(Name = "Starts on")]
    public string? StartDate { get; set; }
}

public sealed class CourseEditPage
{
    public required int ClientId { get; init; }

    public required string ClientName { get; init; }

    public required CourseForm Form { get; init; }

    public required IReadOnlyList<TreatmentChoice> Treatments { get; init; }
}

/// <summary>The therapist sets and adjusts a client's course of treatment.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/clients/{clientId:int}/courses")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CoursesController(CourseService courses, Infrastructure.Time.PracticeClock clock) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(int clientId, CancellationToken cancellationToken) =>
        await PageAsync(clientId, new CourseForm
        {
            Sessions = 6,
            IntervalDays = 7,
            StartDate = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);

    [HttpPost("new")]
    public Task<IActionResult> Create(int clientId, [FromForm] CourseForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(clientId, form, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int clientId, int id, CancellationToken cancellationToken) =>
        await courses.FormAsync(clientId, id, cancellationToken) is { } form ? await PageAsync(clientId, form, cancellationToken) : NotFound();

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int clientId, int id, [FromForm] CourseForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(clientId, form, cancellationToken);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int clientId, int id, CancellationToken cancellationToken)
    {
        if (!await courses.DeleteAsync(clientId, id, cancellationToken))
        {
            return NotFound();
        }

        TempData["ClientMessage"] = "The course plan was deleted. The visits and notes are kept.";
        return Redirect($"/admin/clients/{clientId}");
    }

    private async Task<IActionResult> SaveAsync(int clientId, CourseForm form, CancellationToken cancellationToken)
    {
        if (await courses.ClientNameAsync(clientId, cancellationToken) is null)
        {
            return NotFound();
        }

        var (plan, errors) = CourseRules.Validate(new CoursePlanInput(form.Sessions, form.IntervalDays, form.Goal, form.StartDate));
        ModelState.AddFieldErrors(errors);
        var treatment = (await courses.TreatmentChoicesAsync(cancellationToken)).SingleOrDefault(t => t.Value == form.Treatment);
        if (treatment is null)
        {
            ModelState.AddModelError(nameof(CourseForm.Treatment), "Choose the focus treatment and its length from the list.");
        }

        if (!ModelState.IsValid || plan is null || treatment is null)
        {
            return await PageAsync(clientId, form, cancellationToken);
        }

        if (await courses.SaveAsync(clientId, form.Id, plan, treatment, cancellationToken) is null)
        {
            return NotFound();
        }

        TempData["ClientMessage"] = "Course plan saved. The client sees it on their booking page and in their account.";
        return Redirect($"/admin/clients/{clientId}");
    }

    private async Task<IActionResult> PageAsync(int clientId, CourseForm form, CancellationToken cancellationToken)
    {
        var name = await courses.ClientNameAsync(clientId, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        return View("Edit", new CourseEditPage { ClientId = clientId, ClientName = name, Form = form, Treatments = await courses.TreatmentChoicesAsync(cancellationToken) });
    }
}
