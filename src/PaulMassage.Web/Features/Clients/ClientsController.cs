using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.Web.Features.Clients;

/// <summary>The therapist's client records: search, the client page and the SOAP note of each visit.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/clients")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ClientsController(ClientDirectory directory, TreatmentNotes notes) : Controller
{
    private const string MessageKey = "ClientMessage";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? q, CancellationToken cancellationToken) =>
        View("Index", await directory.SearchAsync(q is { Length: > 200 } ? q[..200] : q, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await directory.RecordAsync(id, TempData[MessageKey] as string, cancellationToken) is { } record ? View("Show", record) : NotFound();

    [HttpGet("{id:int}/visits/{visitId:int}/note")]
    public async Task<IActionResult> Note(int id, int visitId, CancellationToken cancellationToken) =>
        await notes.PageAsync(id, visitId, cancellationToken) is { } page ? View("Note", page) : NotFound();

    [HttpPost("{id:int}/visits/{visitId:int}/note")]
    public async Task<IActionResult> Note(int id, int visitId, [FromForm] TreatmentNoteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            switch (await notes.SaveAsync(id, visitId, form, cancellationToken))
            {
                case NoteSaveResult.NotFound:
                    return NotFound();
                case NoteSaveResult.Saved:
                    TempData[MessageKey] = "Treatment note saved.";
                    return Redirect($"/admin/clients/{id}#visit-{visitId}");
                default:
                    ModelState.AddModelError(string.Empty, "Notes can be written once the visit has started and is confirmed, or is completed.");
                    break;
            }
        }

        return await notes.PageAsync(id, visitId, form, cancellationToken) is { } page ? View("Note", page) : NotFound();
    }
}
