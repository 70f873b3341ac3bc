using PaulMassage.Web.Features.Settings;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Courses;

/// <summary>A plan as the therapist typed it.</summary>
public sealed record CoursePlanInput(int? Sessions, int? IntervalDays, string? Goal, string? StartDate);

/// <summary>A valid plan's numbers and dates.</summary>
public sealed record CoursePlanValues(int Sessions, int IntervalDays, string Goal, DateOnly StartDate);

/// <summary>Checks a course plan: a sensible number of sessions and days between them, a goal and a start date.</summary>
public static class CourseRules
{
    public const int MaxSessions = 52;
    public const int MaxIntervalDays = 90;
    public const int GoalMaxLength = 500;

    public static (CoursePlanValues? Plan, IReadOnlyList<FieldError> Errors) Validate(CoursePlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.Sessions is not int sessions || sessions < 1 || sessions > MaxSessions)
        {
            errors.Add(new FieldError("Sessions", $"Enter the number of sessions, from 1 to {MaxSessions}."));
        }

        if (input.IntervalDays is not int interval || interval < 1 || interval > MaxIntervalDays)
        {
            errors.Add(new FieldError("IntervalDays", $"Enter the days between sessions, from 1 to {MaxIntervalDays} (7 is weekly)."));
        }

        var goal = input.Goal?.Trim();
        if (string.IsNullOrEmpty(goal))
        {
            errors.Add(new FieldError("Goal", "Write the goal of the course in a sentence, for example \"Sit through a working day without low back pain\"."));
        }
        else if (goal.Length > GoalMaxLength)
        {
            errors.Add(new FieldError("Goal", $"Keep the goal under {GoalMaxLength} characters."));
        }

        DateOnly start = default;
        if (string.IsNullOrWhiteSpace(input.StartDate))
        {
            errors.Add(new FieldError("StartDate", "Enter the day the course starts."));
        }
        else if (!FormValues.TryParseDate(input.StartDate, out start))
        {
            errors.Add(new FieldError("StartDate", $"\"{input.StartDate.Trim()}\" is not a date. Use the date picker, or type it like 2027-03-15 or 15/03/2027."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CoursePlanValues(input.Sessions!.Value, input.IntervalDays!.Value, goal!, start), errors);
    }
}
