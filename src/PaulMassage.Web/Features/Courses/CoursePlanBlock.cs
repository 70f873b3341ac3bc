namespace PaulMassage.Web.Features.Courses;

/// <summary>What the course partial needs: the course and who is looking at it.</summary>
public sealed record CoursePlanBlock(CourseView Course, bool ForTherapist, string Title = "Your course of treatment", int HeadingLevel = 2);
