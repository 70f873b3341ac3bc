namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "PaulMassage.BrowserTests");

    /// <summary>Every run's screenshots (git-ignored); scripts/update-screenshots.sh copies a chosen set to docs/.</summary>
    public static string Screenshots => Path.Combine(TestProject, "TestResults", "screenshots");

    /// <summary>Screenshots of failed tests, kept to see what the browser saw.</summary>
    public static string Failures => Path.Combine(TestProject, "TestResults", "failures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaulMassage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find PaulMassage.sln above " + AppContext.BaseDirectory);
    }
}
