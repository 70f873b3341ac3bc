namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// One plan version as a block of a page: the client's account and their booking's link read it as
/// "your plan", Paul's client record as the client's, with a link to change it.
/// </summary>
/// <param name="OnlyThisVisit">Shown through one booking's own link: nothing that tells of other visits (not even the version's number).</param>
public sealed record PlanVersionBlock(PlanView Plan, bool ForTherapist = false, int HeadingLevel = 2, bool OnlyThisVisit = false);
