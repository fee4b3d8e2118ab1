namespace Dossier.Tests.Shared;

/// <summary>
/// A test that measures against a file or folder of <c>../shared/data</c> (the data beside the
/// repository in CI and on developers' machines): where that data is missing, as in a fresh clone,
/// the test is reported skipped with the reason, never passed without measuring anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="relativePath">The file or folder under <c>../shared/data</c> the test reads.</param>
    public SharedDataFactAttribute(string relativePath)
    {
        var path = SharedData.PathOf(relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"{path} is not beside the repository: nothing to measure against";
        }
    }
}

/// <summary>Where <c>../shared/data</c> is, seen from the repository the tests were built in.</summary>
internal static class SharedData
{
    public static string PathOf(string relativePath)
        => Path.GetFullPath(Path.Combine(Repository(), "..", "shared", "data", relativePath));

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dossier.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
