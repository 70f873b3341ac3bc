using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Clients;

public sealed class TheTreatmentNotesRules
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void the_subjective_part_starts_from_the_clients_own_answers()
    {
        var intake = new IntakeAssessment
        {
            MainComplaint = "  Lower back aches by the afternoon ",
            PainAreas = BodyArea.LowerBack | BodyArea.Hips,
            PainIntensity = 7,
            Duration = PainDuration.SixToTwelveWeeks,
            Feelings = PainFeeling.Stiffness,
        };

        Assert.Equal(
            "Main complaint: Lower back aches by the afternoon\nWhere: Lower back, Hips\nPain at its worst (intake): 7/10\nHow long: 6 to 12 weeks\nFeels like: Stiffness, hard to move or bend",
            TreatmentNotes.SubjectiveFromIntake(intake).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void without_an_intake_the_subjective_part_starts_empty() =>
        Assert.Equal(string.Empty, TreatmentNotes.SubjectiveFromIntake(null));

    [Theory]
    [InlineData(AppointmentStatus.Completed, 1, true)]
    [InlineData(AppointmentStatus.Confirmed, -1, true)]
    [InlineData(AppointmentStatus.Confirmed, 1, false)]
    [InlineData(AppointmentStatus.Requested, -1, false)]
    [InlineData(AppointmentStatus.Cancelled, -1, false)]
    [InlineData(AppointmentStatus.NoShow, -1, false)]
    public void a_note_belongs_to_a_visit_that_took_place(AppointmentStatus status, int hoursFromNow, bool mayWrite) =>
        Assert.Equal(mayWrite, TreatmentNotes.MayWrite(status, Now.AddHours(hoursFromNow), Now));
}
