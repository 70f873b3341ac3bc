namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// One plan version as a block of a page: the client's account and their booking's link read it as
/// "your plan", Paul's client record as the client's, with a link to change it.
/// </summary>
public sealed record PlanVersionBlock(PlanView Plan, bool ForTherapist = false, int HeadingLevel = 2);
