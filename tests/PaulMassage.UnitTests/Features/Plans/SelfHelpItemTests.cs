using PaulMassage.Web.Features.Plans;

namespace PaulMassage.UnitTests.Features.Plans;

public sealed class ASelfHelpItem
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static SelfHelpContent Content(string steps = "Lie down\nHug your knees", string? drawing = "knee-hug") =>
        new("  Knee hugs ", SelfHelpKind.Exercise, " Eases the lower back. ", steps, "Twice a day", " ", drawing, "self-help-between-visits");

    [Fact]
    public void keeps_one_step_a_line_without_the_numbers_or_bullets_typed_in_front()
    {
        var item = SelfHelpItem.Create(Content("1. Lie on your back\n\n  2) Bring one knee up  \n- Hold for 20 seconds\r\n* Swap sides"), 3, Now);

        Assert.Equal(["Lie on your back", "Bring one knee up", "Hold for 20 seconds", "Swap sides"], item.StepList);
    }

    [Fact]
    public void is_trimmed_and_leaves_blank_optional_parts_empty()
    {
        var item = SelfHelpItem.Create(Content(drawing: ""), 3, Now);

        Assert.Equal(("Knee hugs", "Eases the lower back.", "Twice a day", (string?)null, (string?)null, 3), (item.Title, item.Summary, item.HowOften, item.WhenToStop, item.Drawing, item.SortOrder));
        Assert.True(item.IsActive);
    }

    [Fact]
    public void withdrawn_is_no_longer_offered_and_can_be_offered_again()
    {
        var item = SelfHelpItem.Create(Content(), 1, Now);

        item.SetActive(false, Now.AddDays(1));
        Assert.False(item.IsActive);
        Assert.Equal(Now.AddDays(1), item.UpdatedUtc);

        item.SetActive(true, Now.AddDays(2));
        Assert.True(item.IsActive);
    }

    [Theory]
    [InlineData(SelfHelpKind.Exercise, "Exercise")]
    [InlineData(SelfHelpKind.SelfMassage, "Self-massage")]
    [InlineData(SelfHelpKind.Advice, "Keeping your back well")]
    public void has_a_kind_the_client_reads_in_words(SelfHelpKind kind, string label) =>
        Assert.Equal(label, SelfHelpCard.KindLabel(kind));
}
