using Microsoft.AspNetCore.Mvc;

namespace PaulMassage.Web.Features.Courses;

/// <summary>
/// The client's current course on their booking's manage page: the manage link proves who they
/// are, so it shows the plan of that booking's client and nobody else's.
/// </summary>
public sealed class CoursePlanViewComponent(CourseService courses) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string token)
    {
        if (await courses.ClientOfTokenAsync(token, HttpContext.RequestAborted) is not int clientId)
        {
            return Content(string.Empty);
        }

        var current = (await courses.ForClientAsync(clientId, HttpContext.RequestAborted)).FirstOrDefault(c => c.IsCurrent);
        return current is null
            ? Content(string.Empty)
            : View("~/Features/Courses/Views/_CoursePlan.cshtml", new CoursePlanBlock(current, false));
    }
}
