using PaulMassage.Web.Features.Courses;

namespace PaulMassage.UnitTests.Features.Courses;

public sealed class TheCourseRules
{
    [Fact]
    public void a_complete_plan_is_accepted_with_the_goal_trimmed()
    {
        var (plan, errors) = CourseRules.Validate(new CoursePlanInput(6, 7, "  Garden without pain  ", "2027-03-01"));
        Assert.Empty(errors);
        Assert.Equal(new CoursePlanValues(6, 7, "Garden without pain", new DateOnly(2027, 3, 1)), plan);
    }

    [Theory]
    [InlineData(0, 7, "goal", "2027-03-01", "Sessions")]
    [InlineData(53, 7, "goal", "2027-03-01", "Sessions")]
    [InlineData(null, 7, "goal", "2027-03-01", "Sessions")]
    [InlineData(6, 0, "goal", "2027-03-01", "IntervalDays")]
    [InlineData(6, 91, "goal", "2027-03-01", "IntervalDays")]
    [InlineData(6, 7, " ", "2027-03-01", "Goal")]
    [InlineData(6, 7, "goal", "", "StartDate")]
    [InlineData(6, 7, "goal", "next week", "StartDate")]
    public void a_plan_with_a_missing_or_impossible_value_is_refused_on_that_field(int? sessions, int? interval, string goal, string start, string field)
    {
        var (plan, errors) = CourseRules.Validate(new CoursePlanInput(sessions, interval, goal, start));
        Assert.Null(plan);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void a_goal_longer_than_the_limit_is_refused()
    {
        var (_, errors) = CourseRules.Validate(new CoursePlanInput(6, 7, new string('g', CourseRules.GoalMaxLength + 1), "2027-03-01"));
        Assert.Equal("Goal", Assert.Single(errors).Field);
    }
}
