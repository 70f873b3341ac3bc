namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// A visit set up for a test, however it was made (straight in the database by
/// <c>ClientArrange.VisitAsync</c>, through the booking service by <c>Visits.RequestAsync</c>, or
/// through the booking form by <c>SecurityScenario.BookAsync</c>): its appointment id, its client
/// record, its reference, the manage-link token the client holds and its start.
/// </summary>
public sealed record ArrangedVisit(int Id, int ClientId, string Reference, string Token, DateTime StartUtc)
{
    /// <summary>The client's private page of this visit.</summary>
    public string ManageUrl => "/bookings/" + Token;
}
