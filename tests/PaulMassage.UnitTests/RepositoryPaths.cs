namespace PaulMassage.UnitTests;

/// <summary>The repository's folders, found from the test assembly's output folder (for tests that read files shipped with the site).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web project's folder.</summary>
    public static string Web => Path.Combine(Root, "src", "PaulMassage.Web");

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
