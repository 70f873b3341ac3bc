using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

/// <summary>When a manage link stops working: Appointment.ManageLinkExpiresUtc.</summary>
public sealed class TheManageLinkExpiryDate
{
    private static readonly DateTime Start = Appointments.Start;
    private static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    /// <summary>A 60-minute request at <see cref="Start"/>, from the one unit-test builder.</summary>
    private static Appointment Visit() => Appointments.New();

    [Fact]
    public void a_link_expires_the_set_number_of_days_after_the_visits_end()
    {
        Assert.Equal(Start.AddMinutes(60).AddDays(30), Visit().ManageLinkExpiresUtc(Validity));
    }

    [Fact]
    public void a_later_proposed_time_keeps_the_link_working_until_after_it()
    {
        var visit = Visit();
        visit.ProposeTime(Start.AddDays(3), 30, "paul", Start.AddDays(-1));

        Assert.Equal(Start.AddDays(3).AddMinutes(60).AddDays(30), visit.ManageLinkExpiresUtc(Validity));
    }

    [Fact]
    public void a_fresh_link_works_for_the_set_number_of_days_from_when_it_was_issued()
    {
        var visit = Visit();
        var version = visit.Version;
        var issued = Start.AddDays(100);

        visit.ReplaceManageToken("new-hash", "protected", issued);

        Assert.Equal(("new-hash", "protected", issued.AddDays(30)), (visit.ManageTokenHash, visit.ManageTokenProtected, visit.ManageLinkExpiresUtc(Validity)));
        Assert.NotEqual(version, visit.Version);
    }

    [Fact]
    public void a_revoked_link_cannot_be_rebuilt()
    {
        var visit = Visit();
        visit.ReplaceManageToken("new-hash", "protected", Start.AddDays(100));

        visit.RevokeManageToken();

        Assert.NotEqual("new-hash", visit.ManageTokenHash);
        Assert.Null(visit.ManageTokenProtected);
        Assert.Equal(Start.AddMinutes(60).AddDays(30), visit.ManageLinkExpiresUtc(Validity));
    }
}
